import { CardPage } from '@/components/ui/card-page';
import { brand } from '@/lib/branding';

export default function Forbidden() {
  const { name, logoUrl } = brand();
  return (
    <CardPage title="You do not have access to this page" brandName={name} logoUrl={logoUrl}>
      <p className="text-slate-700 dark:text-slate-300">
        This page is for operators of {name}. You are signed in, but your account is not an operator account. If you need access, ask an
        administrator.
      </p>
      <p className="mt-4">
        <a href="/account" className="font-medium underline underline-offset-4">
          Go to your account
        </a>
      </p>
    </CardPage>
  );
}
