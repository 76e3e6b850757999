/** The 一图读懂 share image (PNG, for WeChat) on the development server; a build writes the files itself (src/integrations/share-images.ts). */
import type { APIRoute } from 'astro';
import { planYearPaths } from '../../lib/plan-data';
import { glancePath, sharePath, shareImageResponse } from '../../lib/share/cards';

export const getStaticPaths = planYearPaths;

export const GET: APIRoute = ({ params }) => shareImageResponse(sharePath(glancePath(Number(params.year))));
