import { connection } from 'next/server';
import { CardPage } from '@/components/ui/card-page';
import { brand } from '@/lib/branding';

export default async function HomePage() {
  await connection();
  const { name, logoUrl } = brand();
  return (
    <CardPage title="Sign-in service" brandName={name} logoUrl={logoUrl}>
      <p className="text-slate-700 dark:text-slate-300">
        This is where you sign in to applications that use {name}. There is nothing to do here on its own: an
        application sends you here when it needs you to sign in, and brings you back afterwards.
      </p>
    </CardPage>
  );
}
