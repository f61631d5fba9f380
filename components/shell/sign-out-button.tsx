// A plain form post to /sign-out: it works by keyboard and before the page's JavaScript has loaded.
export function SignOutButton() {
  return (
    <form method="post" action="/sign-out">
      <button
        type="submit"
        className="rounded-md px-3 py-2 text-sm font-medium text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-indigo-400"
      >
        Sign out
      </button>
    </form>
  );
}
