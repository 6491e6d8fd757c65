// Drives a real third-party TWS API client, @stoqey/ib (pinned in package.json), against a gateway simulator and prints
// what it saw as one JSON object: connect, managed accounts, next valid id, current time, account summary, positions,
// an unsupported request, then disconnect. Usage: node stoqey-check.mjs <port> [clientId] [host]
// Exit code 0 when the sequence completed (the caller asserts the values), 1 on a time-out or a connection failure.
import ib from "@stoqey/ib";

const { IBApi, EventName } = ib;
const port = Number(process.argv[2]);
const clientId = Number(process.argv[3] ?? 7);
const host = process.argv[4] ?? "127.0.0.1";
const tags = "NetLiquidation,TotalCashValue,BuyingPower,AccountType";
const summaryReqId = 9001;
const contractReqId = 9002;

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
  unsupported: null,
  infos: [],
  errors: [],
  disconnected: false,
};

const api = new IBApi({ host, port });
const done = (code) => {
  clearTimeout(guard);
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(code);
};
const guard = setTimeout(() => {
  result.errors.push({ code: -1, reqId: -1, message: "timed out waiting for the simulator" });
  done(1);
}, 20000);

// Each step starts when the previous one's answer arrived, as a bot would run them.
api.on(EventName.connected, () => { result.connected = true; });
api.on(EventName.server, (version) => { result.serverVersion = version; });
api.on(EventName.managedAccounts, (list) => { result.managedAccounts = list.split(",").filter((a) => a); });
api.on(EventName.info, (message, code) => { result.infos.push({ code, message }); });
api.on(EventName.error, (error, code, reqId) => {
  const entry = { code, reqId, message: error?.message ?? String(error) };
  if (reqId === contractReqId) {
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
  // A request the simulator does not implement: it must answer with an error on that request id, not drop or disconnect.
  api.reqContractDetails(contractReqId, { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" });
});
api.on(EventName.disconnected, () => {
  result.disconnected = true;
  done(0);
});

api.connect(clientId);
