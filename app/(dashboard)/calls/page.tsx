export default function CallsPage() {
  return <h1>Interactions</h1>;
}
