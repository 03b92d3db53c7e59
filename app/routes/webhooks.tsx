import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "../features/shop/webhook-intake.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request);
