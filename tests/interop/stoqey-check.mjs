// Drives a real third-party TWS API client, @stoqey/ib (pinned in package.json), against a gateway simulator and prints
// what it saw as one JSON object: connect, managed accounts, next valid id, current time, account summary, positions,
// the start-up reads of ib_insync/ib_async (open orders, completed orders, executions, account updates, account updates
// multi), contract details (known and unknown), a symbol search, a market-data snapshot real-time then delayed, orders
// (a market order that fills, a limit order that rests and is cancelled, then the executions), an unsupported request,
// then disconnect. Usage: node stoqey-check.mjs <port> [clientId] [host]
// Exit code 0 when the sequence completed (the caller asserts the values), 1 on a time-out or a connection failure.
import ib from "@stoqey/ib";
import { guardRun } from "./run-guard.mjs";

const { IBApi, EventName } = ib;
const port = Number(process.argv[2]);
const clientId = Number(process.argv[3] ?? 7);
const host = process.argv[4] ?? "127.0.0.1";
const tags = "NetLiquidation,TotalCashValue,BuyingPower,AccountType";
const summaryReqId = 9001;
const unsupportedReqId = 9002;
const contractReqId = 9005;
const unknownContractReqId = 9006;
const symbolsReqId = 9007;
const snapshotReqId = 9008;
const delayedReqId = 9009;
const aapl = { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
const executionsReqId = 9003;
const multiReqId = 9004;
const updatesAccount = "DU123456";
const orderExecutionsReqId = 9010;

const result = {
  client: "@stoqey/ib",
  port,
  clientId,
  connected: false,
  serverVersion: 0,
  managedAccounts: [],
  nextValidId: null,
  currentTime: null,
  accountSummary: [],
  accountSummaryEnded: false,
  positions: [],
  positionsEnded: false,
  openOrdersEnded: false,
  completedOrdersEnded: false,
  executionsEnded: null,
  accountValues: [],
  portfolio: [],
  accountTime: null,
  accountDownloadEnded: null,
  accountUpdatesMulti: [],
  accountUpdatesMultiEnded: null,
  contractDetails: [],
  contractDetailsEnded: null,
  unknownContract: null,
  symbolSamples: [],
  ticks: [],
  marketDataTypes: [],
  snapshotEnds: [],
  orders: {},
  openOrders: [],
  executions: [],
  commissions: [],
  orderErrors: [],
  orderExecutionsEnded: null,
  unsupported: null,
  infos: [],
  errors: [],
  disconnected: false,
};

const api = new IBApi({ host, port });
const done = guardRun(result, 20000, "timed out waiting for the simulator");

// Each step starts when the previous one's answer arrived, as a bot would run them.
api.on(EventName.connected, () => { result.connected = true; });
api.on(EventName.server, (version) => { result.serverVersion = version; });
api.on(EventName.managedAccounts, (list) => { result.managedAccounts = list.split(",").filter((a) => a); });
api.on(EventName.info, (message, code) => { result.infos.push({ code, message }); });
api.on(EventName.error, (error, code, reqId) => {
  const entry = { code, reqId, message: error?.message ?? String(error) };
  if (reqId === unknownContractReqId) {
    result.unknownContract = entry;
    api.reqMatchingSymbols(symbolsReqId, "MS");
    return;
  }
  if (result.nextValidId !== null && (reqId === result.nextValidId || reqId === result.nextValidId + 1)) {
    result.orderErrors.push(entry);
    return;
  }
  if (reqId === unsupportedReqId) {
    result.unsupported = entry;
    api.disconnect();
    return;
  }
  result.errors.push(entry);
  if (!result.connected || code === 502) done(1);
});
api.on(EventName.nextValidId, (orderId) => {
  if (result.nextValidId !== null) return;
  result.nextValidId = orderId;
  api.reqCurrentTime();
});
api.on(EventName.currentTime, (time) => {
  result.currentTime = time;
  api.reqAccountSummary(summaryReqId, "All", tags);
});
api.on(EventName.accountSummary, (reqId, account, tag, value, currency) => {
  result.accountSummary.push({ reqId, account, tag, value, currency });
});
api.on(EventName.accountSummaryEnd, (reqId) => {
  result.accountSummaryEnded = reqId === summaryReqId;
  api.cancelAccountSummary(summaryReqId);
  api.reqPositions();
});
api.on(EventName.position, (account, contract, pos, avgCost) => {
  result.positions.push({ account, symbol: contract.symbol, conId: contract.conId, secType: contract.secType, currency: contract.currency, position: pos, avgCost });
});
api.on(EventName.positionEnd, () => {
  result.positionsEnded = true;
  api.cancelPositions();
  api.reqOpenOrders();
});
api.on(EventName.openOrderEnd, () => {
  result.openOrdersEnded = true;
  api.reqCompletedOrders(false);
});
api.on(EventName.completedOrdersEnd, () => {
  result.completedOrdersEnded = true;
  api.reqExecutions(executionsReqId, {});
});
api.on(EventName.execDetailsEnd, (reqId) => {
  if (reqId === orderExecutionsReqId) {
    result.orderExecutionsEnded = reqId;
    // A request the simulator does not implement: it must answer with an error on that request id, not drop or disconnect.
    api.reqPnL(unsupportedReqId, "DU123456", "");
    return;
  }
  result.executionsEnded = reqId;
  api.reqAccountUpdates(true, updatesAccount);
});
api.on(EventName.updateAccountValue, (key, value, currency, account) => {
  result.accountValues.push({ key, value, currency, account });
});
api.on(EventName.updatePortfolio, (contract, position, marketPrice, marketValue, averageCost, unrealizedPNL, realizedPNL, account) => {
  result.portfolio.push({ symbol: contract.symbol, conId: contract.conId, position, marketPrice, marketValue, averageCost, account });
});
api.on(EventName.updateAccountTime, (time) => { result.accountTime = time; });
api.on(EventName.accountDownloadEnd, (account) => {
  result.accountDownloadEnded = account;
  api.reqAccountUpdates(false, updatesAccount);
  api.reqAccountUpdatesMulti(multiReqId, "DU654321", "", false);
});
api.on(EventName.accountUpdateMulti, (reqId, account, modelCode, key, value, currency) => {
  result.accountUpdatesMulti.push({ reqId, account, key, value, currency });
});
api.on(EventName.accountUpdateMultiEnd, (reqId) => {
  result.accountUpdatesMultiEnded = Number(reqId);
  api.cancelAccountUpdatesMulti(multiReqId);
  api.reqContractDetails(contractReqId, aapl);
});
api.on(EventName.contractDetails, (reqId, details) => {
  const c = details.contract;
  result.contractDetails.push({ reqId, conId: c.conId, symbol: c.symbol, secType: c.secType, exchange: c.exchange, primaryExch: c.primaryExch,
    currency: c.currency, minTick: details.minTick, longName: details.longName, timeZoneId: details.timeZoneId, tradingHours: details.tradingHours });
});
api.on(EventName.contractDetailsEnd, (reqId) => {
  result.contractDetailsEnded = reqId;
  api.reqContractDetails(unknownContractReqId, { symbol: "ZZZZ", secType: "STK", exchange: "SMART", currency: "USD" });
});
api.on(EventName.symbolSamples, (reqId, descriptions) => {
  result.symbolSamples = descriptions.map((d) => ({ reqId, conId: d.contract.conId, symbol: d.contract.symbol, primaryExch: d.contract.primaryExch }));
  api.reqMktData(snapshotReqId, aapl, "", true, false);
});
api.on(EventName.marketDataType, (reqId, type) => { result.marketDataTypes.push({ reqId, type }); });
api.on(EventName.tickPrice, (reqId, field, value) => { result.ticks.push({ reqId, field, value }); });
api.on(EventName.tickSize, (reqId, field, value) => { result.ticks.push({ reqId, field, value, size: true }); });
api.on(EventName.tickSnapshotEnd, (reqId) => {
  result.snapshotEnds.push(reqId);
  if (reqId === snapshotReqId) {
    api.reqMarketDataType(3);
    api.reqMktData(delayedReqId, aapl, "", true, false);
    return;
  }
  // A market order that fills at once (the data file's quote), then a limit far below the market that rests.
  api.placeOrder(result.nextValidId, aapl, { action: "BUY", orderType: "MKT", totalQuantity: 10, tif: "DAY", transmit: true });
});
const statuses = (id) => (result.orders[id] ??= []);
api.on(EventName.orderStatus, (id, status, filled, remaining, avgFillPrice) => {
  const seen = statuses(id);
  seen.push({ status, filled, remaining, avgFillPrice });
  if (seen.length > 1 && seen[seen.length - 2].status === status) return;
  if (id === result.nextValidId && status === "Filled") {
    api.placeOrder(id + 1, aapl, { action: "BUY", orderType: "LMT", lmtPrice: 150, totalQuantity: 5, tif: "GTC", transmit: true });
  } else if (id === result.nextValidId + 1 && status === "Submitted") {
    api.cancelOrder(id);
  } else if (id === result.nextValidId + 1 && status === "Cancelled") {
    api.reqExecutions(orderExecutionsReqId, {});
  }
});
api.on(EventName.openOrder, (id, contract, order, state) => {
  result.openOrders.push({ id, symbol: contract.symbol, conId: contract.conId, action: order.action, totalQuantity: order.totalQuantity,
    orderType: order.orderType, lmtPrice: order.lmtPrice ?? null, tif: order.tif, account: order.account, clientId: order.clientId, status: state.status });
});
api.on(EventName.execDetails, (reqId, contract, exec) => {
  result.executions.push({ reqId, symbol: contract.symbol, orderId: exec.orderId, execId: exec.execId, side: exec.side, shares: exec.shares,
    price: exec.price, cumQty: exec.cumQty, account: exec.acctNumber, clientId: exec.clientId });
});
api.on(EventName.commissionReport, (report) => {
  result.commissions.push({ execId: report.execId, commission: report.commission, currency: report.currency });
});
api.on(EventName.disconnected, () => {
  result.disconnected = true;
  done(0);
});

api.connect(clientId);
