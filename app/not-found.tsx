import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-10 text-center">
      <h1 className="text-2xl font-semibold">404 · Not found</h1>
      <p className="mt-3 text-slate-600">This page does not exist, or you have no access to it.</p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
