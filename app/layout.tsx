import type { Metadata, Viewport } from "next";
import { LocaleProvider } from "@/app/_components/locale";
import { requestLocale } from "@/lib/format/request-locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stride Clinic", template: "%s · Stride Clinic" },
  description: "Hip and foot programs, running load and pain monitoring for runners with knee pain.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#115c48" };

// Reading the request's locale makes every page render per request, which the CSP nonce needs
// anyway (proxy.ts): a page prerendered at build time would carry a stale nonce and run no script.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body>
        <LocaleProvider locale={locale}>{children}</LocaleProvider>
      </body>
    </html>
  );
}
