import { guardProjectPage } from "@/lib/auth/page";
import { NotYetAvailable, PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Monitoring" };

export default async function MonitoringPage({ params }: { params: Promise<{ project: string }> }) {
  await guardProjectPage(params, "monitoring.view");
  return (
    <>
      <PageHeader title="Monitoring">Per-field detection rate, confidence, reported failures and latency in production.</PageHeader>
      <NotYetAvailable what="Production monitoring arrives with a later issue; no inference logs are recorded yet." />
    </>
  );
}
