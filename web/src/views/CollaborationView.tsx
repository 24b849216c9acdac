export default function CollaborationView(_props: Record<string, unknown>) { return null; }
