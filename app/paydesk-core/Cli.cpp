#include "Cli.h"
#include "api/types/ChinaTime.h"

#include "CliBackOffice.h"
#include "CliDashboard.h"
#include "CliOutput.h"
#include "CliRecon.h"
#include "CliSecret.h"
#include "CliServe.h"
#include "CliShift.h"
#include "CliUsers.h"
#include "DemoGateway.h"
#include "NotificationHttpServer.h"
#include "RemoteApi.h"
#include "SandboxGateway.h"
#include "api/ConfigFile.h"
#include "api/EmbeddedApi.h"
#include "api/GuardedApi.h"
#include "api/Json.h"
#include "api/Numbers.h"
#include "api/TerminalKeyFile.h"
#include "sandbox/InProcessSandbox.h"
#include "sandbox/SandboxAcquirer.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxCertificates.h"
#include "sandbox/SandboxGatewayConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace paydesk::cli {

QString countOption(const QCommandLineParser& parser, const QString& name, int most, int* value)
{
    if (!parser.isSet(name))
        return QString();
    bool ok = false;
    const int n = parser.value(name).toInt(&ok);
    if (!ok || n <= 0 || n > most)
        return QStringLiteral("--%1 must be a whole number from 1 to %2").arg(name).arg(most);
    *value = n;
    return QString();
}

int usageError(Output& out, const QString& message)
{
    out.error(message + QStringLiteral(" (see paydesk-core --help)"));
    return ExitUsage;
}

std::optional<Money> amountArgument(const QCommandLineParser& parser, Output& out, int* rc,
                                    bool allowNegative)
{
    if (!parser.isSet(QStringLiteral("amount"))) {
        *rc = usageError(out, QStringLiteral("--amount is required, e.g. --amount 12.34"));
        return std::nullopt;
    }
    const QString text = parser.value(QStringLiteral("amount"));
    QString err;
    const auto m = Money::parse(text, kCny, &err);
    if (!m) {
        *rc = usageError(out, err);
        return std::nullopt;
    }
    if (m->isZero() || (!allowNegative && m->isNegative())) {
        *rc = usageError(out, QStringLiteral("--amount must be more than 0, got %1").arg(text));
        return std::nullopt;
    }
    return m;
}

QString requestNoOrFresh(const QString& given)
{
    return given.isEmpty() ? QStringLiteral("cli-") + QUuid::createUuid().toString(QUuid::Id128) : given;
}

namespace {

const char* const kUsage = R"(Usage: paydesk-core [global options] COMMAND [arguments]

Commands:
  demo                              take a sandbox payment end to end and print its timeline
  pay --amount A --code CODE        charge a customer's payment code (barcode payment)
      [--request-no R] [--subject S] [--wait]
  qr --amount A [--wallet W]        create a merchant-presented QR code (code URL)
      [--request-no R] [--subject S] [--wait]
  sandbox-scan URL --code CODE      play the customer: scan a QR code URL with a sandbox code
  query ORDER                       ask the channel about the order now
  revoke ORDER [--reason R]         revoke the order's payment in progress (close or refund)
  refund ORDER --amount A --reason R [--request-no R]
  order show ORDER                  details and timeline
  order list [--status S] [--since YYYY-MM-DD] [--search TEXT] [--limit N]
  alerts [--all]                    open alerts (or all)
  alerts ack ID --by NAME           acknowledge an alert
  sandbox-codes                     the sandbox's test payment codes and their behaviours
  sandbox --listen ADDR:PORT [--tls] [--listen-tls ADDR:PORT] --config FILE
                                    run the sandbox acquirer as an HTTP(S) gateway speaking
                                    WeChat Pay V2 (/wechat/...) and Alipay (/alipay/gateway.do);
                                    --tls: HTTPS with a generated test CA (files printed)
  serve [--listen ADDR:PORT] [--cert FILE --key FILE]
                                    the core as a service for remote counters and desks: the
                                    API under /v1 (HTTPS with --cert/--key; plain HTTP on
                                    loopback only), events at /v1/events, the gateways'
                                    notifications at /notify/CHANNEL; SIGTERM stops gracefully
  serve --demo [--listen ADDR:PORT] a throw-away test shop with counter 0001/0002 enrolled:
                                    prints the paydesk --remote command that opens its counter
  terminal add --store S --terminal T   a one-time enrolment code for a counter (shown once)
  terminal list                     enrolled terminals, their state and refused requests
  terminal disable --store S --terminal T   its requests are refused from now on
  --remote URL enrol --store S --terminal T --code CODE [--terminal-key FILE]
      [--ca-file PEM | --fingerprint SHA256]
                                    enrol this machine as a terminal of a server; its key is
                                    written to FILE (default: the data directory's terminal.json)
  run [--until-idle]                host the engine: resume every unfinished item and work
      [--notify-listen ADDR:PORT]   ... and take the gateways' notifications at
                                    http://ADDR:PORT/notify/CHANNEL (any engine command takes it)

People (passwords from --password-file FILE or standard input, never the command line):
  user add NAME --role R[,R...]     a user with roles cashier, supervisor, accountant, support,
                                    admin; the first user must be an admin, later ones need an
                                    admin's session
  user list                         users, roles, last login, lockouts
  user disable NAME                 no more logins; their sessions end (an admin's session)
  user reset-password NAME          a new password, lockout lifted, sessions ended (admin)
  user roles NAME --role R[,R...]   replace the roles (admin); the last admin stays one
  login --user NAME [--session-file FILE]
                                    start a session; its token goes to FILE (0600; default:
                                    the data directory's session), used by the commands above
  logout [--session-file FILE]      end it
  roles                             which role may do what (the table the core refuses by)
  audit [--user U] [--action A] [--since D] [--limit N] [--csv FILE]
                                    who changed what, when and from which counter, newest
                                    first (refused attempts too); --csv exports them

Secrets at rest (no data directory needed):
  secret new-key FILE               a new random sealing key in FILE (0600; never overwrites)
  secret seal FILE [--out OUT] [--key-file KEYFILE]
                                    encrypt a key or password file (AES-256-GCM) in place or into
                                    OUT (0600); the configuration may then point at the sealed
                                    file. The key: --key-file, else the file named by
                                    PAYDESK_SEAL_KEY_FILE, else PAYDESK_SEAL_KEY (base64), the
                                    same key the service finds when it reads a sealed file
  secret unseal FILE [--out OUT] [--key-file KEYFILE]
                                    decrypt it again, in place or into OUT (0600; "-": stdout)

Accounting:
  ledger accounts [--at T]          every account and its balance
  ledger balance ACCOUNT [--at T]   one account's balance (T: YYYY-MM-DD or "YYYY-MM-DD HH:MM:SS")
  ledger journal [--account A] [--ref ORDER|REF] [--limit N]
  ledger trial-balance [--at T]     debits and credits of every account; must balance
  ledger backfill                   post movements that have no ledger entry (data from before
                                    the ledger; opening such a data directory does it once)
  settle --date D [--merchant M] [--by NAME]
                                    move day D's net from pending to available minus fees (T+1)
  settle list                       settlement runs
  payout request --amount A --by NAME [--note TEXT] [--request-no R]
  payout approve|reject PO... --by NAME [--reason R]   (a second person decides)
  payout list
  adjust propose --account A --amount A --reason R --by NAME [--counter ACCOUNT]
  adjust approve|reject AD... --by NAME [--reason R]
  adjust list
  wallet topup MEMBER --amount A | --order ORDER [--request-no R] [--by NAME]
  wallet pay MEMBER --amount A --sale REF [--request-no R]
  wallet refund WO... --amount A --reason R [--request-no R]
  wallet show MEMBER                balance, top-ups, income, spent, held and withdrawn
  wallet withdraw MEMBER --amount A --by NAME [--request-no R] [--note TEXT]
                                    freeze A for a withdrawal (提现): at most 3 and 10000.00 a
                                    member and day (walletWithdrawalsPerDay, ...AmountPerDay)
  wallet withdrawal approve|reject WD... --by NAME [--reason R]
                                    a second person pays it out in cash or releases it
  wallet withdrawals [MEMBER]       withdrawals, newest first
  check internal                    top-ups + income - withdrawals - held - spending = balance,
                                    and more
  shift close [--by NAME]           close this counter's shift (交班): its sales, refunds and
                                    revokes by wallet since its last close, and its open orders
  shift list [--limit N]            this counter's closed shifts, newest first
  dashboard [--date D] [--days N]   takings by wallet and hour of the day, success rate and
                                    median time to paid per channel, and what is open now, for
                                    the N China-time days ending with D (today, 1 day)

Reconciliation:
  reconcile --channel C --date D [--bill FILE | --confirm-no-bill] [--csv F] [--pdf F] [--by NAME]
                                    match day D's bill (downloaded through the channel, or FILE:
                                    WeChat CSV / Alipay ZIP) against our payments, refunds,
                                    revokes and ledger; the same bill twice changes nothing.
                                    A day the channel has no bill for: nothing to do when we
                                    cleared nothing; else refused until --confirm-no-bill
                                    records what we cleared as missing at the channel
  diff list [--channel C] [--date D] [--state S|needs-action] [--limit N]
  diff show ID
  diff resolve ID --reason R --by NAME   a person explains an open difference
  diff writeoff ID --reason R --by NAME  propose a write-off ...
  diff recover ID --reason R --by NAME   ... or a recovery: the bill's payment that we lack or
                                         think in progress is completed (order, postings)
  diff approve|reject ID --by NAME       ... which a second person decides
  diff assign ID --to NAME --by NAME

Global options:
  --data DIR        data directory (default: the user's PayDesk data directory)
  --config FILE     engine configuration (JSON; default: DIR/paydesk.json if present)
  --remote URL[,URL...]  run pay, qr, query, revoke, refund, order, alerts, the accounting and
                    reconciliation commands and dashboard against a server
                    (paydesk-core serve) as the enrolled terminal of --terminal-key FILE;
                    several servers of one database: the next while one cannot be reached
  --terminal-key F  the terminal's key file (default: DIR/terminal.json of the user's data dir)
  --json            one JSON object per line on stdout
  --no-fsync        do not fsync commits (throw-away demos only)
  -h, --help        this text
  --version         the version

Exit codes: 0 ok, 1 refused, 2 bad arguments, 4 storage error,
            5 (--wait) sale ended unpaid, 6 (--wait) needs a person.
)";

struct Context
{
    QCommandLineParser parser;
    QStringList args; // positional
    std::unique_ptr<Output> out;
    // `demo` only: the sandbox behind real adapters over loopback HTTPS.
    // Declared before the API, so the engine goes first.
    SystemClock demoClock;
    std::unique_ptr<DemoGateway> demo;
    // A test shop's in-process sandbox (config "sandbox": true).
    std::shared_ptr<InProcessSandbox> sandbox;
    // The core in this process, or a RemoteApi with --remote.
    std::unique_ptr<PayDeskApi> core;
    // The core in this process; null with --remote.
    EmbeddedApi* embedded = nullptr;
    // The core as the logged-in person may use it (commands a person runs);
    // after `core`, so it goes first.
    std::unique_ptr<GuardedApi> guarded;
    // What commands call: the guarded core, or the core itself for the
    // process's own work (run, serve, demo) and with --remote.
    PayDeskApi* api = nullptr;
    // The session's person ('' while logins are off, or with --remote).
    QString loggedIn;
    CoreConfig config; // as loaded (serve reads its "server" section)
    // The notify_url listener; after the API, so it stops taking requests
    // before the engine goes.
    std::unique_ptr<NotificationHttpServer> notifyServer;
    std::unique_ptr<QTemporaryDir> tempDir;
};

// Where the customer's side of the sandbox is: the demo's gateway, or the
// in-process sandbox; null when every channel is a real gateway.
QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

int openApi(Context& c, const QString& dataDir, bool durable)
{
    EmbeddedOptions opt;
    opt.dataDir = dataDir;
    opt.durable = durable;
    QString configPath = c.parser.value(QStringLiteral("config"));
    if (configPath.isEmpty() &&
        QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("paydesk.json"))))
        configPath = QDir(dataDir).filePath(QStringLiteral("paydesk.json"));
    if (!configPath.isEmpty()) {
        if (QString e = loadCoreConfig(configPath, opt.config); !e.isEmpty()) {
            c.out->error(e);
            return ExitUsage;
        }
    }
    // The in-process sandbox serves only a shop that asked for it; a
    // wallet without a gateway is refused, never "paid" by a stand-in.
    if (c.demo) {
        // Every channel goes through the demo gateway: no second acquirer
        // may open the same sandbox.db in this process.
        c.demo->configure(opt.config);
    } else if (opt.config.sandbox) {
        opt.sandbox = c.sandbox = std::make_shared<InProcessSandbox>();
    }
    c.config = opt.config;
    auto embedded = std::make_unique<EmbeddedApi>(opt);
    c.embedded = embedded.get();
    c.api = embedded.get();
    c.core = std::move(embedded);
    if (QString e = c.embedded->open(); !e.isEmpty()) {
        c.out->error(e);
        return ExitStorage;
    }
    if (c.demo || c.embedded->servesSandbox())
        c.out->notice(QStringLiteral("SANDBOX / 测试环境: the built-in sandbox acquirer takes the "
                                     "payment codes; nothing is really charged"));
    return ExitOk;
}

std::optional<Money> amountOption(Context& c, int* rc)
{
    return amountArgument(c.parser, *c.out, rc);
}

QString requestNo(Context& c)
{
    return requestNoOrFresh(c.parser.value(QStringLiteral("request-no")));
}

// Runs the event loop until `done` is called; returns its code.
class Waiter
{
public:
    void finish(int code)
    {
        m_code = code;
        m_loop.quit();
    }
    int exec()
    {
        if (m_code < 0)
            m_loop.exec();
        return m_code;
    }
    bool finished() const { return m_code >= 0; }

private:
    QEventLoop m_loop;
    int m_code = -1;
};

int codeFor(const CommandOutcome& o)
{
    if (o.ok())
        return ExitOk;
    return o.status == CommandStatus::StorageError ? ExitStorage : ExitFailure;
}

int exitForOrderState(OrderState s)
{
    switch (s) {
    case OrderState::Paid:
    case OrderState::PartiallyRefunded:
        return ExitOk;
    case OrderState::Attention:
        return ExitAttention;
    default:
        return ExitNotPaid;
    }
}

// Follows an order live until its outcome is known and this process has no
// more work for it, printing each step. `ownWork`: this process started the
// command. Otherwise (a repeated request number) another process may be
// driving the order: its commits are seen by reading storage every half
// second, and this engine resumes the unfinished items too, so the wait
// ends even when no other process is left to finish them.
using ExitFor = std::function<int(const OrderDetails&)>;

int saleExit(const OrderDetails& d)
{
    return exitForOrderState(d.order.state);
}

int followOrder(Context& c, const QString& orderNo, bool ownWork, const ExitFor& exitFor = saleExit)
{
    Waiter w;
    QObject guard;
    bool storageFailed = false;
    // A remote core answers later: the answer is looked at only while this
    // wait is still on.
    auto live = std::make_shared<bool>(true);
    auto finishIfSettled = [&] {
        c.api->orderDetails(orderNo, [&, live](const std::optional<OrderDetails>& d) {
            if (!*live || !d || w.finished())
                return;
            if (d->order.state != OrderState::Pending && (!ownWork || c.api->isIdle()))
                w.finish(exitFor(*d));
        });
    };
    QObject::connect(c.api, &PayDeskApi::eventRecorded, &guard, [&](const TrackEvent& e) {
        if (e.orderNo == orderNo)
            c.out->event(e);
    });
    QObject::connect(c.api, &PayDeskApi::idle, &guard, finishIfSettled);
    QObject::connect(c.api, &PayDeskApi::orderChanged, &guard, finishIfSettled);
    QObject::connect(c.api, &PayDeskApi::fatalError, &guard, [&](const QString& m) {
        c.out->error(m);
        storageFailed = true;
        w.finish(ExitStorage);
    });
    auto* poll = new QTimer(&guard);
    QObject::connect(poll, &QTimer::timeout, &guard, finishIfSettled);
    poll->start(500);
    if (!ownWork)
        c.api->resumeAll();
    QTimer::singleShot(0, &guard, finishIfSettled);
    const int rc = w.exec();
    *live = false;
    // What storage holds: after a storage failure the last steps may be
    // lost, and the order is shown as it will be found at the next start.
    const auto d = waitFor<std::optional<OrderDetails>>(
        [&](auto reply) { c.api->orderDetails(orderNo, reply); });
    if (d) {
        if (c.out->json())
            c.out->object(toJson(*d));
        else if (storageFailed)
            c.out->line(QStringLiteral("Order %1 is %2 in storage; its unfinished steps resume "
                                       "at the next start once storage works again")
                            .arg(orderNo, orderStateName(d->order.state)));
        else
            c.out->line(
                QStringLiteral("Order %1 is %2").arg(orderNo, orderStateName(d->order.state)));
    }
    return rc;
}

// A refund ends with its own state: the order is REFUNDED then, which for a
// sale would mean "ended unpaid".
ExitFor refundExit(const QString& refundNo)
{
    return [refundNo](const OrderDetails& d) {
        for (const RefundRecord& r : d.refunds)
            if (r.refundNo == refundNo)
                return r.state == RefundState::Success  ? int(ExitOk)
                       : r.state == RefundState::Failed ? int(ExitFailure)
                                                        : int(ExitAttention);
        return int(ExitFailure);
    };
}

// A revoke that closed the sale, or returned its money, did its job.
int revokeExit(const OrderDetails& d)
{
    switch (d.order.state) {
    case OrderState::Closed:
    case OrderState::Refunded:
        return ExitOk;
    case OrderState::Attention:
        return ExitAttention;
    default:
        return ExitFailure;
    }
}

int runCommand(Context& c, const std::function<void(PayDeskApi::Reply)>& send, bool wait,
               const std::function<ExitFor(const CommandOutcome&)>& exitFor = {})
{
    Waiter w;
    CommandOutcome outcome;
    send([&](const CommandOutcome& o) {
        outcome = o;
        w.finish(codeFor(o));
    });
    int rc = w.exec();
    c.out->outcome(outcome);
    if (rc != ExitOk || !wait || outcome.orderNo.isEmpty())
        return rc;
    return followOrder(c, outcome.orderNo, !outcome.repeated,
                       exitFor ? exitFor(outcome) : ExitFor(saleExit));
}

int cmdPay(Context& c)
{
    int rc = ExitOk;
    auto amount = amountOption(c, &rc);
    if (!amount)
        return rc;
    if (!c.parser.isSet(QStringLiteral("code")))
        return usageError(*c.out,
                          QStringLiteral("--code is required: the customer's payment code"));
    PayCommand cmd{requestNo(c), *amount, c.parser.value(QStringLiteral("code")),
                   c.parser.value(QStringLiteral("subject"))};
    const bool wait = c.parser.isSet(QStringLiteral("wait"));
    rc = runCommand(
        c, [&](PayDeskApi::Reply r) { c.api->pay(cmd, r); }, wait);
    if (!wait && rc == ExitOk) {
        // Without --wait, still show the channel's first answer.
        QEventLoop loop;
        QTimer::singleShot(300, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return rc;
}

int cmdQr(Context& c)
{
    int rc = ExitOk;
    auto amount = amountOption(c, &rc);
    if (!amount)
        return rc;
    const QString walletText = c.parser.value(QStringLiteral("wallet"));
    const Wallet wallet = walletText.isEmpty() ? Wallet::WeChat : walletFromName(walletText);
    if (wallet == Wallet::Unknown)
        return usageError(*c.out, QStringLiteral("--wallet must be wechat, alipay or unionpay"));
    QrCommand cmd{requestNo(c), *amount, wallet, c.parser.value(QStringLiteral("subject"))};
    return runCommand(
        c, [&](PayDeskApi::Reply r) { c.api->createQr(cmd, r); },
        c.parser.isSet(QStringLiteral("wait")));
}

int cmdSandboxScan(Context& c)
{
    if (c.args.size() != 2 || !c.parser.isSet(QStringLiteral("code")))
        return usageError(*c.out, QStringLiteral("usage: sandbox-scan URL --code CODE"));
    SandboxAcquirer* sandbox = c.sandbox ? c.sandbox->acquirer() : nullptr;
    if (!sandbox)
        return usageError(*c.out, QStringLiteral("no sandbox in this configuration (a test shop "
                                                 "sets \"sandbox\": true)"));
    const QString e = sandbox->customerScan(c.args.at(1), c.parser.value(QStringLiteral("code")));
    if (!e.isEmpty()) {
        c.out->error(e);
        return ExitFailure;
    }
    c.embedded->flush();
    c.out->outcome(CommandOutcome{CommandStatus::Ok,
                                  QStringLiteral("the customer scanned %1").arg(c.args.at(1)),
                                  {},
                                  {},
                                  {},
                                  false});
    return ExitOk;
}

int needOrder(Context& c, int index, QString* orderNo)
{
    if (c.args.size() <= index)
        return usageError(*c.out, QStringLiteral("an order number is required"));
    *orderNo = c.args.at(index).trimmed();
    if (const QString e = checkNumberFormat(*orderNo); !e.isEmpty())
        return usageError(*c.out, e);
    return ExitOk;
}

// --since D: the start of that day, China time, into `ms` (left as it is
// when the option is absent). An error text for a bad date.
QString sinceOption(const Context& c, qint64* ms)
{
    if (!c.parser.isSet(QStringLiteral("since")))
        return QString();
    const QDate date = QDate::fromString(c.parser.value(QStringLiteral("since")), Qt::ISODate);
    if (!date.isValid())
        return QStringLiteral("--since must be a date like 2026-11-23");
    *ms = QDateTime(date, QTime(0, 0), chinaZone()).toMSecsSinceEpoch();
    return QString();
}

// --limit N, 1..`most`, into `limit` (left as it is when absent).
QString limitOption(const Context& c, int most, int* limit)
{
    return countOption(c.parser, QStringLiteral("limit"), most, limit);
}

int cmdOrder(Context& c)
{
    if (c.args.size() < 2)
        return usageError(*c.out, QStringLiteral("usage: order show ORDER | order list"));
    const QString sub = c.args.at(1);
    if (sub == QLatin1String("show")) {
        QString orderNo;
        if (int rc = needOrder(c, 2, &orderNo); rc != ExitOk)
            return rc;
        const auto d = waitFor<std::optional<OrderDetails>>(
            [&](auto reply) { c.api->orderDetails(orderNo, reply); });
        if (!d) {
            c.out->error(QStringLiteral("no order %1").arg(orderNo));
            return ExitFailure;
        }
        c.out->details(*d);
        return ExitOk;
    }
    if (sub == QLatin1String("list")) {
        OrderFilter f;
        if (c.parser.isSet(QStringLiteral("status"))) {
            f.state = orderStateFromName(c.parser.value(QStringLiteral("status")));
            if (!f.state)
                return usageError(*c.out, QStringLiteral("--status must be one of PENDING, PAID, "
                                                         "CLOSED, ATTENTION, PARTIALLY_REFUNDED, "
                                                         "REFUNDED"));
        }
        if (QString e = sinceOption(c, &f.sinceMs); !e.isEmpty())
            return usageError(*c.out, e);
        f.search = c.parser.value(QStringLiteral("search"));
        if (QString e = limitOption(c, 100000, &f.limit); !e.isEmpty())
            return usageError(*c.out, e);
        const auto list = waitFor<QList<OrderRecord>>([&](auto reply) { c.api->orders(f, reply); });
        for (const auto& o : list)
            c.out->order(o);
        c.out->line(QStringLiteral("%1 order(s)").arg(list.size()));
        return ExitOk;
    }
    return usageError(*c.out, QStringLiteral("unknown 'order %1'").arg(sub));
}

int cmdOrderCommand(Context& c, const QString& name)
{
    QString orderNo;
    if (int rc = needOrder(c, 1, &orderNo); rc != ExitOk)
        return rc;
    if (name == QLatin1String("query"))
        return runCommand(
            c, [&](PayDeskApi::Reply r) { c.api->query(orderNo, r); }, false);
    if (name == QLatin1String("revoke")) {
        RevokeCommand cmd{requestNo(c), orderNo, c.parser.value(QStringLiteral("reason"))};
        return runCommand(
            c, [&](PayDeskApi::Reply r) { c.api->revoke(cmd, r); }, true,
            [](const CommandOutcome&) { return ExitFor(revokeExit); });
    }
    int rc = ExitOk;
    auto amount = amountOption(c, &rc);
    if (!amount)
        return rc;
    if (c.parser.value(QStringLiteral("reason")).trimmed().isEmpty())
        return usageError(*c.out, QStringLiteral("--reason is required for a refund"));
    RefundCommand cmd{requestNo(c), orderNo, *amount, c.parser.value(QStringLiteral("reason"))};
    return runCommand(
        c, [&](PayDeskApi::Reply r) { c.api->refund(cmd, r); }, true,
        [](const CommandOutcome& o) { return refundExit(o.refundNo); });
}

QJsonObject auditJson(const AuditEntry& e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("at"), chinaTime(e.atMs).toString(Qt::ISODate)},
            {QStringLiteral("user"), e.user},
            {QStringLiteral("terminal"), e.terminal},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("subject"), e.subject},
            {QStringLiteral("detail"), e.detail},
            {QStringLiteral("outcome"), e.outcome},
            {QStringLiteral("message"), e.message}};
}

// audit [--user U] [--action A] [--since D] [--limit N] [--csv FILE]
int cmdAudit(Context& c)
{
    if (c.args.size() != 1)
        return usageError(*c.out, QStringLiteral("usage: audit [--user U] [--action A] [--since "
                                                 "D] [--limit N] [--csv FILE]"));
    AuditFilter f;
    f.user = c.parser.value(QStringLiteral("user"));
    f.action = c.parser.value(QStringLiteral("action"));
    if (QString e = sinceOption(c, &f.fromMs); !e.isEmpty())
        return usageError(*c.out, e);
    if (QString e = limitOption(c, 10000, &f.limit); !e.isEmpty())
        return usageError(*c.out, e);
    const auto list =
        waitFor<QList<AuditEntry>>([&](auto reply) { c.guarded->audit().entries(f, reply); });
    if (c.parser.isSet(QStringLiteral("csv"))) {
        const QString text = auditCsv(list);
        QSaveFile out(c.parser.value(QStringLiteral("csv")));
        if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.commit()) {
            c.out->error(
                QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString()));
            return ExitFailure;
        }
        c.out->line(
            QStringLiteral("%1 entries written to %2").arg(list.size()).arg(out.fileName()));
        return ExitOk;
    }
    for (const AuditEntry& e : list) {
        if (c.out->json()) {
            c.out->object(auditJson(e));
            continue;
        }
        c.out->line(QStringLiteral("%1  %2  %3  %4  %5  %6  %7%8")
                        .arg(chinaTime(e.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                             e.user.isEmpty() ? QStringLiteral("-") : e.user, e.terminal, e.action,
                             e.subject.isEmpty() ? QStringLiteral("-") : e.subject,
                             e.detail.isEmpty() ? QStringLiteral("-") : e.detail,
                             e.outcome.isEmpty() ? QStringLiteral("(no answer)") : e.outcome,
                             e.outcome == QLatin1String("ok") || e.message.isEmpty()
                                 ? QString()
                                 : QStringLiteral(": ") + e.message));
    }
    if (list.isEmpty() && !c.out->json())
        c.out->line(QStringLiteral("no entries"));
    return ExitOk;
}

int cmdAlerts(Context& c)
{
    if (c.args.size() >= 2 && c.args.at(1) == QLatin1String("ack")) {
        bool ok = false;
        const qint64 id = c.args.size() >= 3 ? c.args.at(2).toLongLong(&ok) : 0;
        if (!ok || id <= 0)
            return usageError(*c.out, QStringLiteral("usage: alerts ack ID --by NAME"));
        const QString by =
            c.loggedIn.isEmpty() ? c.parser.value(QStringLiteral("by")).trimmed() : c.loggedIn;
        if (by.isEmpty())
            return usageError(*c.out, QStringLiteral("--by NAME is required: who acknowledges"));
        const auto o =
            waitFor<CommandOutcome>([&](auto reply) { c.api->acknowledgeAlert(id, by, reply); });
        c.out->outcome(o);
        return codeFor(o);
    }
    if (c.args.size() != 1)
        return usageError(*c.out,
                          QStringLiteral("usage: alerts [--all] | alerts ack ID --by NAME"));
    const auto list = waitFor<QList<AlertRecord>>(
        [&](auto reply) { c.api->alerts(!c.parser.isSet(QStringLiteral("all")), 500, reply); });
    for (const auto& a : list)
        c.out->alert(a);
    c.out->line(QStringLiteral("%1 alert(s)").arg(list.size()));
    return ExitOk;
}

int cmdSandboxCodes(Context& c)
{
    for (const SandboxCodeRow& row : sandboxCodeTable()) {
        if (c.out->json()) {
            c.out->object({{QStringLiteral("behaviour"), int(row.behaviour)},
                           {QStringLiteral("wechat"), row.wechatCode},
                           {QStringLiteral("alipay"), row.alipayCode},
                           {QStringLiteral("unionpay"), row.unionpayCode},
                           {QStringLiteral("description"), row.description}});
        } else {
            c.out->line(
                QStringLiteral("%1  %2  %3  %4  %5")
                    .arg(int(row.behaviour), 2, 10, QLatin1Char('0'))
                    .arg(row.wechatCode, row.alipayCode, row.unionpayCode, row.description));
        }
    }
    c.out->line(QStringLiteral("\nCode layout: <wallet prefix 2><behaviour 2><N 2><digits>; "
                               "N is seconds or a count where the behaviour uses one."));
    return ExitOk;
}

int g_signalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char b = 1;
    [[maybe_unused]] auto n = ::write(g_signalPipe[1], &b, 1);
}

// SIGINT/SIGTERM end the command's event loop cleanly (through a socket
// pair: a signal handler may only write a byte).
void onStopSignals(QObject& guard, std::function<void()> stop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &guard);
    QObject::connect(notifier, &QSocketNotifier::activated, &guard, [stop = std::move(stop)] {
        char b;
        [[maybe_unused]] auto n = ::read(g_signalPipe[0], &b, 1);
        stop();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

int cmdRun(Context& c)
{
    const bool untilIdle = c.parser.isSet(QStringLiteral("until-idle"));
    Waiter w;
    QObject guard;
    onStopSignals(guard, [&] {
        c.out->line(QStringLiteral("stopping: unfinished items resume at the next start"));
        w.finish(ExitOk);
    });
    QObject::connect(c.api, &PayDeskApi::eventRecorded, &guard,
                     [&](const TrackEvent& e) { c.out->event(e); });
    QObject::connect(c.api, &PayDeskApi::fatalError, &guard, [&](const QString& m) {
        c.out->error(m);
        w.finish(ExitStorage);
    });
    // Until idle means until the directory's work is done: items another
    // process holds are waited for, and taken over if their holder died.
    auto allDone = [&] { return c.api->isIdle() && c.api->workHeldElsewhere() == 0; };
    if (untilIdle)
        QObject::connect(c.api, &PayDeskApi::idle, &guard, [&] {
            if (allDone())
                w.finish(ExitOk);
        });
    const int n = c.api->resumeAll();
    const int elsewhere = c.api->workHeldElsewhere();
    c.out->line(
        QStringLiteral("resumed %1 unfinished item(s)%2%3")
            .arg(n)
            .arg(elsewhere ? QStringLiteral("; %1 order(s) held by another process").arg(elsewhere)
                           : QString())
            .arg(untilIdle ? QStringLiteral("; working until idle")
                           : QStringLiteral("; Ctrl+C stops")));
    if (untilIdle && allDone())
        return ExitOk;
    return w.exec();
}

// "127.0.0.1:8080" -> address and port; false when malformed.
bool parseListen(const QString& text, SandboxListener* out)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    if (!portOk || port > 65535 || address.isNull())
        return false;
    out->address = address;
    out->port = quint16(port);
    return true;
}

// The sandbox acquirer behind the real protocols, as a standalone server.
int cmdSandbox(Context& c)
{
    const QString listen = c.parser.value(QStringLiteral("listen"));
    const QString listenTls = c.parser.value(QStringLiteral("listen-tls"));
    const QString configPath = c.parser.value(QStringLiteral("config"));
    if ((listen.isEmpty() && listenTls.isEmpty()) || configPath.isEmpty())
        return usageError(*c.out, QStringLiteral("usage: sandbox --listen 127.0.0.1:PORT [--tls] "
                                                 "[--listen-tls 127.0.0.1:PORT] --config FILE"));
    QList<SandboxListener> listeners;
    for (const auto& [text, tls] : {std::pair{listen, c.parser.isSet(QStringLiteral("tls"))},
                                    std::pair{listenTls, true}}) {
        if (text.isEmpty())
            continue;
        SandboxListener l;
        if (!parseListen(text, &l))
            return usageError(*c.out,
                              QStringLiteral("--listen and --listen-tls take ADDRESS:PORT, e.g. "
                                             "127.0.0.1:8080; got '%1'")
                                  .arg(text));
        l.tls = tls;
        listeners << l;
    }
    SandboxGatewayConfig config;
    config.durable = !c.parser.isSet(QStringLiteral("no-fsync"));
    if (QString e = loadSandboxGatewayConfig(configPath, config); !e.isEmpty())
        return usageError(*c.out, e);
    SystemClock clock;
    SandboxGateway gateway(clock, config);
    if (QString e = gateway.start(listeners); !e.isEmpty()) {
        c.out->error(e);
        return ExitFailure;
    }
    const QStringList urls = gateway.urls();
    c.out->line(QStringLiteral("sandbox acquirer listening on %1: WeChat Pay V2 under /wechat/ "
                               "(%2 merchant(s)), Alipay at /alipay/gateway.do (%3 app(s)); "
                               "trades in %4; the sandbox's Alipay public key: %5")
                    .arg(urls.join(QStringLiteral(" and ")))
                    .arg(config.wechat.size())
                    .arg(config.alipayAppKeys.size())
                    .arg(config.dataDir, gateway.alipayPublicKeyFile()));
    if (!gateway.url(true).isEmpty()) {
        const SandboxCertificateFiles f = gateway.certificates();
        c.out->line(QStringLiteral("HTTPS: the merchant side trusts the test CA %1 (caFile) and "
                                   "presents %2 with its key %3 (clientCertFile, clientKeyFile)")
                        .arg(f.caCertificate, f.clientCertificate, f.clientKey));
    }
    c.out->line(QStringLiteral("Ctrl+C stops"));
    Waiter w;
    QObject guard;
    onStopSignals(guard, [&] { w.finish(ExitOk); });
    return w.exec();
}

int cmdDemo(Context& c)
{
    c.out->line(QStringLiteral("PayDesk demo: a counter sale of ¥12.34 through the sandbox "
                               "acquirer at %1, reached by the real WeChat Pay V2 adapter over "
                               "mutual TLS.\nThe customer's WeChat code makes them enter a "
                               "password for 3 seconds, so you see the polling.\n")
                    .arg(c.demo->baseUrl()));
    const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 3);
    PayCommand cmd{requestNo(c), *Money::parse(QStringLiteral("12.34")), code,
                   QStringLiteral("demo: 2 coffees")};
    Waiter w;
    CommandOutcome outcome;
    QObject guard;
    QObject::connect(c.api, &PayDeskApi::eventRecorded, &guard,
                     [&](const TrackEvent& e) { c.out->event(e); });
    c.api->pay(cmd, [&](const CommandOutcome& o) {
        outcome = o;
        w.finish(codeFor(o));
    });
    int rc = w.exec();
    if (rc != ExitOk) {
        c.out->outcome(outcome);
        return rc;
    }
    QObject::disconnect(c.api, nullptr, &guard, nullptr);
    c.out->line(QStringLiteral("live progress of order %1:").arg(outcome.orderNo));
    rc = followOrder(c, outcome.orderNo, true);
    c.out->line(QStringLiteral("\nThe stored timeline (what support staff read):\n"));
    c.api->orderDetails(outcome.orderNo, [&](const std::optional<OrderDetails>& d) {
        if (d && !c.out->json())
            c.out->details(*d);
    });
    c.out->line(QStringLiteral("\nData directory: %1\nTry: paydesk-core --data %1 order list\n"
                               "     paydesk-core sandbox-codes")
                    .arg(c.parser.value(QStringLiteral("data")).isEmpty()
                             ? c.tempDir->path()
                             : c.parser.value(QStringLiteral("data"))));
    return rc;
}

// Where an enrolled counter keeps its key when --terminal-key is not given.
QString defaultTerminalKey()
{
    return QDir(defaultDataDir()).filePath(QStringLiteral("terminal.json"));
}

int cmdEnrol(Context& c, const QUrl& server, const QString& keyPath)
{
    TerminalKey key;
    key.server = server.toString();
    key.storeId = c.parser.value(QStringLiteral("store"));
    key.terminalId = c.parser.value(QStringLiteral("terminal"));
    key.caFile = c.parser.value(QStringLiteral("ca-file"));
    key.fingerprintSha256 = c.parser.value(QStringLiteral("fingerprint"));
    const QString code = c.parser.value(QStringLiteral("code"));
    if (key.storeId.isEmpty() || key.terminalId.isEmpty() || code.isEmpty())
        return usageError(*c.out, QStringLiteral("usage: --remote URL enrol --store S --terminal T "
                                                 "--code CODE [--terminal-key FILE] "
                                                 "[--ca-file PEM | --fingerprint SHA256]"));
    if (!key.caFile.isEmpty())
        key.caFile = QFileInfo(key.caFile).absoluteFilePath();
    if (QString e = RemoteApi::enrol(server, key, code, &key.secret); !e.isEmpty()) {
        c.out->error(e);
        return ExitFailure;
    }
    QDir().mkpath(QFileInfo(keyPath).absolutePath());
    if (QString e = writeTerminalKey(keyPath, key); !e.isEmpty()) {
        c.out->error(e);
        return ExitStorage;
    }
    c.out->outcome(CommandOutcome{CommandStatus::Ok,
                                  QStringLiteral("terminal %1/%2 is enrolled with %3; its key is "
                                                 "in %4 (readable by you only)")
                                      .arg(key.storeId, key.terminalId, key.server, keyPath),
                                  {},
                                  {},
                                  {},
                                  false});
    return ExitOk;
}

// The read a command makes, if it is one: a refused read answers nothing,
// so the refusal is asked for first and shown.
std::optional<UseCase> readOf(const QStringList& args)
{
    const QString command = args.value(0);
    const QString sub = args.value(1);
    if (command == QLatin1String("order"))
        return UseCase::ReadOrders;
    if (command == QLatin1String("audit"))
        return UseCase::ReadAudit;
    if (command == QLatin1String("alerts") && sub != QLatin1String("ack"))
        return UseCase::ReadAlerts;
    if ((command == QLatin1String("ledger") && sub != QLatin1String("backfill")) ||
        command == QLatin1String("check"))
        return UseCase::ReadLedger;
    if (sub == QLatin1String("list") &&
        (command == QLatin1String("payout") || command == QLatin1String("adjust")))
        return UseCase::ReadApprovals;
    if (command == QLatin1String("settle") && sub == QLatin1String("list"))
        return UseCase::ReadSettlements;
    if (command == QLatin1String("wallet") && sub == QLatin1String("withdrawals"))
        return UseCase::ReadApprovals;
    if (command == QLatin1String("wallet") && sub == QLatin1String("show"))
        return UseCase::ReadWallets;
    if (command == QLatin1String("diff") &&
        (sub == QLatin1String("list") || sub == QLatin1String("show")))
        return UseCase::ReadDifferences;
    return std::nullopt;
}

// Commands a person runs go through the core as that person may use it:
// once users exist, the session file must name a live session, and --by
// may only name its user. The process's own work (run, serve, demo, the
// sandbox's customer) and user management (which checks its admin itself)
// stay as they are.
int actAsLoggedIn(Context& c, const QString& command, const QString& dataDir)
{
    static const QStringList processWork = {QStringLiteral("run"), QStringLiteral("serve"),
                                            QStringLiteral("demo"), QStringLiteral("sandbox-scan")};
    if (processWork.contains(command) || isUserCommand(command))
        return ExitOk;
    const std::optional<bool> on = c.embedded->userAccess().anyUser();
    if (!on) {
        c.out->error(QStringLiteral("cannot read the users; nothing is done"));
        return ExitStorage;
    }
    c.guarded = std::make_unique<GuardedApi>(*c.embedded);
    c.api = c.guarded.get();
    if (!*on)
        return ExitOk;
    const QString token = sessionToken(c.parser, dataDir);
    QString why;
    const std::optional<Session> session = c.embedded->userAccess().session(token, &why);
    if (!session) {
        c.out->error(QStringLiteral("unauthenticated: %1: log in first (paydesk-core login "
                                    "--user NAME)")
                         .arg(why));
        return ExitFailure;
    }
    c.guarded->setSessionToken(token);
    c.loggedIn = session->user;
    if (c.parser.isSet(QStringLiteral("by")) &&
        c.parser.value(QStringLiteral("by")).trimmed() != c.loggedIn)
        return usageError(*c.out,
                          QStringLiteral("--by names %1, but %2 is logged in: changes are "
                                         "made in the logged-in person's name")
                              .arg(c.parser.value(QStringLiteral("by")).trimmed(), c.loggedIn));
    if (const std::optional<UseCase> read = readOf(c.args)) {
        if (const BackOfficeOutcome o = c.guarded->permit(*read); !o.ok()) {
            c.out->error(o.message);
            return ExitFailure;
        }
    }
    if (command == QLatin1String("terminal") && !session->roles.contains(Role::Admin)) {
        c.out->error(QStringLiteral("forbidden: %1 may not enrol or disable counters: that "
                                    "needs the admin role")
                         .arg(c.loggedIn));
        return ExitFailure;
    }
    return ExitOk;
}

// Every command against a server (paydesk-core serve): the counter's,
// and `enrol` to get this terminal's key first.
int runRemote(Context& c, const QString& command)
{
    QList<QUrl> servers;
    if (QString e = RemoteApi::parseServers(c.parser.value(QStringLiteral("remote")), &servers);
        !e.isEmpty())
        return usageError(*c.out, e);
    const QUrl server = servers.takeFirst();
    const QString keyPath = c.parser.isSet(QStringLiteral("terminal-key"))
                                ? c.parser.value(QStringLiteral("terminal-key"))
                                : defaultTerminalKey();
    if (command == QLatin1String("enrol"))
        return cmdEnrol(c, server, keyPath);
    static const QStringList local = {
        QStringLiteral("demo"),     QStringLiteral("run"),          QStringLiteral("serve"),
        QStringLiteral("terminal"), QStringLiteral("sandbox-scan"), QStringLiteral("sandbox"),
        QStringLiteral("user"),     QStringLiteral("login"),        QStringLiteral("logout"),
        QStringLiteral("audit"),    QStringLiteral("shift")};
    if (local.contains(command))
        return usageError(*c.out, QStringLiteral("'%1' runs on the server's machine, not with "
                                                 "--remote")
                                      .arg(command));
    RemoteOptions options;
    options.server = server;
    options.moreServers = servers;
    if (QString e = readTerminalKey(keyPath, &options.key); !e.isEmpty()) {
        c.out->error(e + QStringLiteral(" (enrol first: paydesk-core --remote URL enrol ...)"));
        return ExitUsage;
    }
    auto remote = std::make_unique<RemoteApi>(options);
    remote->start(); // the events, for --wait's live steps
    c.api = remote.get();
    c.core = std::move(remote);
    if (isBackOfficeCommand(command))
        return runBackOffice(c.parser, c.args, *c.out, c.api->accounting());
    if (command == QLatin1String("dashboard"))
        return runDashboard(c.parser, c.args, *c.out, c.api->dashboard(),
                            QDateTime::currentMSecsSinceEpoch());
    if (isReconCommand(command))
        return runRecon(c.parser, c.args, *c.out, c.api->reconciliation());
    if (command == QLatin1String("pay"))
        return cmdPay(c);
    if (command == QLatin1String("qr"))
        return cmdQr(c);
    if (command == QLatin1String("order"))
        return cmdOrder(c);
    if (command == QLatin1String("alerts"))
        return cmdAlerts(c);
    return cmdOrderCommand(c, command);
}

} // namespace

int run(const QStringList& arguments)
{
    Context c;
    QCommandLineParser& p = c.parser;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QList<QCommandLineOption> options = {
        {QStringLiteral("data"), QString(), QStringLiteral("dir")},
        {QStringLiteral("config"), QString(), QStringLiteral("file")},
        {QStringLiteral("json"), QString()},
        {QStringLiteral("no-fsync"), QString()},
        {QStringLiteral("amount"), QString(), QStringLiteral("amount")},
        {QStringLiteral("code"), QString(), QStringLiteral("code")},
        {{QStringLiteral("request-no"), QStringLiteral("request")},
         QString(),
         QStringLiteral("no")},
        {QStringLiteral("subject"), QString(), QStringLiteral("text")},
        {QStringLiteral("wait"), QString()},
        {QStringLiteral("wallet"), QString(), QStringLiteral("wallet")},
        {QStringLiteral("reason"), QString(), QStringLiteral("text")},
        {QStringLiteral("status"), QString(), QStringLiteral("state")},
        {QStringLiteral("since"), QString(), QStringLiteral("date")},
        {QStringLiteral("search"), QString(), QStringLiteral("text")},
        {QStringLiteral("limit"), QString(), QStringLiteral("n")},
        {QStringLiteral("all"), QString()},
        {QStringLiteral("by"), QString(), QStringLiteral("name")},
        {QStringLiteral("action"), QString(), QStringLiteral("use case")},
        {QStringLiteral("until-idle"), QString()},
        {QStringLiteral("listen"), QString(), QStringLiteral("address:port")},
        {QStringLiteral("listen-tls"), QString(), QStringLiteral("address:port")},
        {QStringLiteral("tls"), QString()},
        {QStringLiteral("notify-listen"), QString(), QStringLiteral("address:port")},
        {QStringLiteral("remote"), QString(), QStringLiteral("url")},
        {QStringLiteral("terminal-key"), QString(), QStringLiteral("file")},
        {QStringLiteral("ca-file"), QString(), QStringLiteral("file")},
        {QStringLiteral("fingerprint"), QString(), QStringLiteral("sha256")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QString()},
        {QStringLiteral("version"), QString()},
    };
    p.addOptions(options);
    p.addOptions(backOfficeOptions());
    p.addOptions(dashboardOptions());
    p.addOptions(reconOptions());
    p.addOptions(serveOptions());
    p.addOptions(secretOptions());
    p.addOptions(userOptions());
    const bool parsed = p.parse(arguments);
    c.out = std::make_unique<Output>(p.isSet(QStringLiteral("json")));
    if (!parsed)
        return usageError(*c.out, p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << kUsage;
        return ExitOk;
    }
    if (p.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "paydesk-core " << QCoreApplication::applicationVersion()
                            << Qt::endl;
        return ExitOk;
    }
    c.args = p.positionalArguments();
    if (c.args.isEmpty())
        return usageError(*c.out, QStringLiteral("no command given"));
    const QString command = c.args.first();
    static const QStringList known = {QStringLiteral("demo"),
                                      QStringLiteral("pay"),
                                      QStringLiteral("qr"),
                                      QStringLiteral("query"),
                                      QStringLiteral("revoke"),
                                      QStringLiteral("refund"),
                                      QStringLiteral("order"),
                                      QStringLiteral("alerts"),
                                      QStringLiteral("sandbox-codes"),
                                      QStringLiteral("run"),
                                      QStringLiteral("sandbox-scan"),
                                      QStringLiteral("sandbox"),
                                      QStringLiteral("serve"),
                                      QStringLiteral("terminal"),
                                      QStringLiteral("enrol"),
                                      QStringLiteral("secret"),
                                      QStringLiteral("roles"),
                                      QStringLiteral("audit"),
                                      QStringLiteral("dashboard"),
                                      QStringLiteral("shift")};
    if (!known.contains(command) && !isBackOfficeCommand(command) && !isReconCommand(command) &&
        !isUserCommand(command))
        return usageError(*c.out, QStringLiteral("unknown command '%1'").arg(command));
    if (command == QLatin1String("sandbox-codes"))
        return cmdSandboxCodes(c);
    if (command == QLatin1String("sandbox"))
        return cmdSandbox(c);
    if (command == QLatin1String("secret"))
        return runSecret(c.parser, c.args, *c.out);
    if (command == QLatin1String("roles")) {
        // The matrix the core refuses by, as README shows it.
        QTextStream(stdout) << roleMatrixMarkdown();
        return ExitOk;
    }
    if (p.isSet(QStringLiteral("remote")))
        return runRemote(c, command);
    if (command == QLatin1String("enrol"))
        return usageError(*c.out,
                          QStringLiteral("enrol needs --remote URL: the server to enrol with"));

    QString dataDir = p.value(QStringLiteral("data"));
    bool durable = !p.isSet(QStringLiteral("no-fsync"));
    const bool serveDemo = command == QLatin1String("serve") && p.isSet(QStringLiteral("demo"));
    if (p.isSet(QStringLiteral("demo")) && command != QLatin1String("serve"))
        return usageError(*c.out, QStringLiteral("--demo goes with serve"));
    if (serveDemo && (p.isSet(QStringLiteral("data")) || p.isSet(QStringLiteral("config"))))
        return usageError(*c.out, QStringLiteral("serve --demo makes its own throw-away test "
                                                 "shop: leave out --data and --config"));
    if ((command == QLatin1String("demo") || serveDemo) && dataDir.isEmpty()) {
        c.tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                    QStringLiteral("/paydesk-demo-XXXXXX"));
        c.tempDir->setAutoRemove(false);
        dataDir = c.tempDir->path();
    }
    if (serveDemo) {
        // A test shop: the sandbox acquirer serves every wallet.
        QFile shop(QDir(dataDir).filePath(QStringLiteral("paydesk.json")));
        if (!shop.open(QIODevice::WriteOnly) || shop.write(R"({"sandbox": true})") < 0) {
            c.out->error(QStringLiteral("cannot write %1").arg(shop.fileName()));
            return ExitFailure;
        }
    }
    if (dataDir.isEmpty())
        dataDir = defaultDataDir();
    // The listener starts before the engine (the demo's notify URLs name
    // its port) and hands requests on once the API is open.
    SandboxListener notifyAt;
    if (p.isSet(QStringLiteral("notify-listen")) &&
        !parseListen(p.value(QStringLiteral("notify-listen")), &notifyAt))
        return usageError(*c.out, QStringLiteral("--notify-listen takes ADDRESS:PORT, e.g. "
                                                 "127.0.0.1:8090"));
    if (p.isSet(QStringLiteral("notify-listen")) || command == QLatin1String("demo")) {
        c.notifyServer = std::make_unique<NotificationHttpServer>();
        QString error;
        if (c.notifyServer->listenOn(notifyAt.address, notifyAt.port, &error) == 0) {
            c.out->error(error);
            return ExitFailure;
        }
    }
    if (command == QLatin1String("demo")) {
        DemoGatewayOptions demo;
        demo.dataDir = dataDir;
        demo.durable = durable;
        demo.notifyBaseUrl = c.notifyServer->baseUrl();
        c.demo = std::make_unique<DemoGateway>(c.demoClock, demo);
        if (QString e = c.demo->start(); !e.isEmpty()) {
            c.out->error(e);
            return ExitFailure;
        }
    }
    if (int rc = openApi(c, dataDir, durable); rc != ExitOk)
        return rc;
    if (c.notifyServer)
        c.notifyServer->setHandler([api = c.embedded](const QString& channel,
                                                      const QByteArray& body,
                                                      const QString& source) {
            return api->receiveNotification(channel, body, source);
        });

    if (int rc = actAsLoggedIn(c, command, dataDir); rc != ExitOk)
        return rc;
    if (isBackOfficeCommand(command))
        return runBackOffice(c.parser, c.args, *c.out, c.api->accounting(), c.loggedIn);
    if (command == QLatin1String("dashboard"))
        return runDashboard(c.parser, c.args, *c.out, c.api->dashboard(),
                            QDateTime::currentMSecsSinceEpoch());
    if (isReconCommand(command))
        return runRecon(c.parser, c.args, *c.out, c.api->reconciliation(), c.loggedIn);
    if (command == QLatin1String("demo"))
        return cmdDemo(c);
    if (command == QLatin1String("pay"))
        return cmdPay(c);
    if (command == QLatin1String("qr"))
        return cmdQr(c);
    if (command == QLatin1String("sandbox-scan"))
        return cmdSandboxScan(c);
    if (command == QLatin1String("order"))
        return cmdOrder(c);
    if (command == QLatin1String("alerts"))
        return cmdAlerts(c);
    if (command == QLatin1String("audit"))
        return cmdAudit(c);
    if (command == QLatin1String("shift"))
        return runShift(c.parser, c.args, *c.out, c.guarded->shifts(), c.loggedIn);
    if (command == QLatin1String("run"))
        return cmdRun(c);
    if (command == QLatin1String("serve"))
        return runServe(c.parser, *c.out, *c.embedded, c.config.server, onStopSignals,
                        serveDemo ? QDir(dataDir).filePath(QStringLiteral("counter-terminal.json"))
                                  : QString());
    if (command == QLatin1String("terminal"))
        return runTerminal(c.parser, c.args, *c.out, c.embedded->terminalAccess());
    if (isUserCommand(command))
        return runUsers(c.parser, c.args, *c.out, c.embedded->userAccess(), dataDir);
    return cmdOrderCommand(c, command);
}

} // namespace paydesk::cli
