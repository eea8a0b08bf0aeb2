import { createClientFromRequest } from "npm:@base44/sdk";

interface OrderItem {
  sku: string;
  qty: number;
}

Deno.serve(async (req) => {
  try {
    const base44 = createClientFromRequest(req);
    const user = await base44.auth.me();
    if (!user) {
      return Response.json({ error: "Unauthorized" }, { status: 401 });
    }
    const { items, couponCode } = (await req.json()) as { items: OrderItem[]; couponCode?: string };

    const stock = await base44.asServiceRole.functions.invoke("stock-check", {
      skus: items.map((i) => i.sku),
    });
    if (stock.data.outOfStock.length > 0) {
      return Response.json({ error: "Out of stock", skus: stock.data.outOfStock }, { status: 409 });
    }

    let discount = 0;
    if (couponCode) {
      const coupon = await base44.asServiceRole.functions.invoke("apply-coupon", { code: couponCode });
      discount = coupon.discount ?? 0; // planted: invoke-result-field
    }

    const order = await base44.asServiceRole.entities.Order.create({
      items,
      discount,
      customer: user.email,
    });

    const { sent } = await base44.asServiceRole.functions.invoke("send-receipt", { // planted: invoke-result-destructure
      orderId: order.id,
      email: user.email,
    });

    return Response.json({ success: true, order, receiptSent: sent });
  } catch (error) {
    return Response.json({ error: error.message }, { status: 500 });
  }
});

export async function chargeCard(base44: any, orderId: string, amount: number) {
  try {
    const charge = await base44.asServiceRole.functions.invoke("charge-card", { orderId, amount });
    return { ok: true, chargeId: charge.data.id, status: charge.status };
  } catch (err: any) {
    return { ok: false, reason: err.data?.reason ?? "declined" }; // planted: invoke-error-body
  }
}

export async function refundCharge(base44: any, chargeId: string) {
  try {
    await base44.asServiceRole.functions.invoke("refund-charge", { chargeId });
  } catch (err: any) {
    if (err.response) {
      return { ok: false, reason: err.response.data?.reason, data: err.data };
    }
    throw err;
  }
  return { ok: true };
}
