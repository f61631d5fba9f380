// The landing page until the dashboard lands: what this is and where the API lives.
export default function HomePage() {
  return (
    <main className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-3xl font-semibold">Callboard</h1>
      <p className="mt-4 text-slate-700">
        Create and monitor AI-agent interactions across voice, SMS, WhatsApp, e-mail and web chat.
      </p>
      <ul className="mt-6 list-disc space-y-1 pl-6 text-slate-700">
        <li>
          REST API: <code className="rounded bg-slate-200 px-1">/api/v1/calls</code> with HTTP Basic credentials
        </li>
        <li>
          Health:{" "}
          <a className="text-blue-700 underline" href="/api/health">
            /api/health
          </a>
        </li>
      </ul>
    </main>
  );
}
