import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's App Router entry; its options are built on first use from the validated configuration.
async function handler(req: NextRequest, context: Context): Promise<Response> {
  return NextAuth(req, context, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
