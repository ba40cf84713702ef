// The print view has no site chrome: only the sheet and a toolbar hidden in
// print. public/reader.js shows and wires its 打印 button.
import "@/components/bulletin/print.css";
import { ReaderScript } from "@/components/reader/reader-script";

export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-stone-200 print:bg-white">
      {children}
      <ReaderScript />
    </div>
  );
}
