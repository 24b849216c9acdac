export default function Overlaps(_props: Record<string, unknown>) { return null; }
