/**
 * Opens the browser's print dialog. Rendered hidden: public/reader.js (the
 * print layout loads it) shows it and wires the click, so without the script
 * there is no button that does nothing; the browser's own Print still works.
 */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      hidden
      data-print=""
      className="rounded bg-bulletin-red px-3 py-1.5 font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      {label}
    </button>
  );
}
