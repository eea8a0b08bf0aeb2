import { base44 } from "./base44Client";

export async function loadFlags0(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags1(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags2(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags3(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags4(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags5(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags6(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags7(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags8(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags9(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags10(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags11(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags12(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags13(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags14(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags15(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags16(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags17(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags18(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags19(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags20(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags21(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags22(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags23(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags24(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags25(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags26(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags27(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags28(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags29(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags30(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags31(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags32(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags33(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags34(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags35(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags36(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags37(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags38(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags39(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags40(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags41(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags42(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags43(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags44(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags45(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags46(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags47(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags48(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags49(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags50(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags51(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags52(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags53(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags54(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags55(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags56(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags57(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags58(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags59(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags60(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags61(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags62(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags63(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags64(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags65(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags66(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags67(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags68(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags69(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags70(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags71(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags72(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags73(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags74(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags75(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags76(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags77(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags78(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags79(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags80(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags81(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags82(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags83(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags84(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags85(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags86(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags87(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags88(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags89(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags90(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags91(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags92(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags93(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags94(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags95(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags96(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags97(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags98(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags99(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags100(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags101(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags102(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags103(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags104(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags105(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags106(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags107(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags108(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags109(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags110(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags111(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags112(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags113(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags114(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags115(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags116(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags117(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags118(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags119(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags120(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags121(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags122(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags123(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags124(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags125(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags126(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags127(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags128(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags129(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags130(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags131(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags132(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags133(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags134(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags135(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags136(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags137(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags138(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags139(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags140(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags141(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags142(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags143(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags144(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags145(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags146(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags147(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags148(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags149(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags150(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags151(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags152(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags153(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags154(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags155(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags156(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags157(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags158(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags159(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags160(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags161(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags162(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags163(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags164(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags165(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags166(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags167(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags168(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags169(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags170(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags171(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags172(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags173(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags174(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags175(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags176(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags177(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags178(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags179(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags180(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags181(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags182(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags183(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags184(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags185(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags186(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags187(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags188(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags189(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags190(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags191(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags192(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags193(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags194(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags195(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags196(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags197(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags198(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags199(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags200(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags201(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags202(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags203(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags204(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags205(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags206(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags207(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags208(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags209(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags210(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags211(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags212(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags213(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags214(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags215(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags216(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags217(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags218(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags219(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags220(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags221(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags222(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags223(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags224(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags225(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags226(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags227(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags228(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags229(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags230(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags231(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags232(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags233(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags234(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags235(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags236(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags237(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags238(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags239(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags240(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags241(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags242(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags243(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags244(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags245(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags246(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags247(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags248(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags249(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags250(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags251(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags252(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags253(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags254(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags255(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags256(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags257(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags258(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags259(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags260(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags261(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags262(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags263(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags264(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags265(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags266(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags267(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags268(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags269(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags270(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags271(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags272(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags273(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags274(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags275(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags276(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags277(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags278(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags279(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags280(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags281(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags282(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags283(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags284(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags285(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags286(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags287(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags288(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags289(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags290(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags291(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags292(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags293(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags294(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags295(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags296(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags297(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags298(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags299(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags300(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags301(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags302(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags303(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags304(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags305(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags306(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags307(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags308(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags309(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags310(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags311(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags312(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags313(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags314(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags315(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags316(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags317(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags318(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags319(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags320(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags321(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags322(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags323(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags324(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags325(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags326(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags327(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags328(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function loadFlags329(id) {
  const res = await base44.functions.invoke("get-flags", { id });
  return res.data.flags;
}

export async function placeLate() {
  const res = await base44.functions.invoke("place-order", {});
  return res.success;
}

export async function typo() {
  return base44.functions.invoke("get-flag", {});
}
