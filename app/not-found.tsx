import { CardPage } from '@/components/ui/card-page';
import { brand } from '@/lib/branding';

export default function NotFound() {
  const { name, logoUrl } = brand();
  return (
    <CardPage title="Page not found" brandName={name} logoUrl={logoUrl}>
      <p className="text-slate-700 dark:text-slate-300">There is no page at this address. Go back to the application you came from and start again.</p>
    </CardPage>
  );
}
