import { AllMessages } from "@/components/ui/all-messages";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-stone-100 px-4">
      <div className="w-full max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <AllMessages>{children}</AllMessages>
      </div>
    </main>
  );
}
