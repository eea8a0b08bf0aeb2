import React, { useState } from "react";
import { useNavigate } from "react-router-dom";
import { base44 } from "@/api/base44Client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/use-toast";
import { createPageUrl } from "@/utils";

export default function Checkout({ cart }) {
  const navigate = useNavigate();
  const { toast } = useToast();
  const [status, setStatus] = useState("idle");
  const [error, setError] = useState(null);
  const [receipt, setReceipt] = useState(null);

  const total = cart.items.reduce((sum, item) => sum + item.price * item.qty, 0);

  async function placeOrder() {
    setStatus("paying");
    try {
      const res = await base44.functions.invoke("process-order", {
        items: cart.items,
        total,
      });
      if (res.success) { // planted: invoke-result-field
        setReceipt(res.data.receipt);
        navigate(createPageUrl(`OrderConfirmation?id=${res.data.orderId}`));
      } else {
        setError(res.data.error);
      }
    } catch (err) {
      // The function answers 4xx with { error }: it sits on the axios error's response.
      setError(err.data?.error || "Payment failed"); // planted: invoke-error-body
      toast({ title: "Payment failed", description: err.message, variant: "destructive" });
    } finally {
      setStatus("idle");
    }
  }

  async function applyCoupon(code) {
    try {
      const response = await base44.functions.invoke("apply-coupon", { code, total });
      const { discount } = response.data;
      toast({ title: `Coupon applied: -${discount}%` });
    } catch (error) {
      if (error.response?.status === 404) {
        toast({ title: "Unknown coupon" });
      } else {
        toast({ title: error.response?.data?.error ?? error.message });
      }
    }
  }

  async function refund(orderId) {
    try {
      await base44.functions.invoke("orders/refund", { orderId });
    } catch (e) {
      toast({ title: e.error ?? "Refund failed" }); // planted: invoke-error-body
    }
  }

  async function saveAddress(address) {
    try {
      await base44.entities.Address.create(address);
      await base44.functions.invoke("validate-address", { address });
    } catch (err) {
      // entities errors carry .data themselves: not an invoke-only try.
      setError(err.data?.message);
    }
  }

  function checkStock() {
    base44.functions
      .invoke("stock-check", { skus: cart.items.map((i) => i.sku) })
      .then((res) => {
        if (res.outOfStock?.length) { // planted: invoke-result-field
          setError(`Out of stock: ${res.data.outOfStock.join(", ")}`);
        }
      });
  }

  function subscribe(email) {
    base44.functions
      .invoke("subscribe-newsletter", { email })
      .then(() => toast({ title: "Subscribed" }))
      .catch((err) => toast({ title: err.message }));
    base44.functions
      .invoke("track-event", { name: "subscribe" })
      .catch((err) => console.warn(err.data)); // planted: invoke-error-body
  }

  return (
    <Card className="max-w-xl mx-auto">
      <CardHeader>
        <CardTitle>Checkout</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {cart.items.map((item) => (
          <div key={item.sku} className="flex justify-between">
            <span>{item.name}</span>
            <span>{item.price * item.qty}</span>
          </div>
        ))}
        {error && <p className="text-red-600">{error}</p>}
        {receipt && <a href={receipt.url}>Receipt</a>}
        <Button onClick={checkStock} variant="outline">Check stock</Button>
        <Button onClick={placeOrder} disabled={status === "paying"}>
          Pay {total}
        </Button>
        <Button onClick={() => applyCoupon("SPRING")}>Apply coupon</Button>
        <Button onClick={() => refund(cart.orderId)}>Refund</Button>
        <Button onClick={() => saveAddress(cart.address)}>Save address</Button>
        <Button onClick={() => subscribe(cart.email)}>Subscribe</Button>
      </CardContent>
    </Card>
  );
}
