export default function UnitView(_props: Record<string, unknown>) { return null; }
