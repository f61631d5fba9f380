// Placeholder: being built.
export default function Page() {
  return <h1 className="text-2xl font-semibold">Skills</h1>;
}
