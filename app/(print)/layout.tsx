// The print view has no site chrome: only the sheet and a toolbar hidden in print.
import "@/components/bulletin/print.css";

export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return <div className="min-h-screen bg-stone-200 print:bg-white">{children}</div>;
}
