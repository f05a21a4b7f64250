// The counter's facade over the network: RemoteApi against a real
// ApiServer on a loopback port, over the embedded core with a manual clock.
// The same assertions as the embedded core's for what a counter does:
// outcomes, idempotency, live signals; and what only a link can do: drop,
// come back, and still tell the sale's true outcome.
#include "ApiServer.h"
#include "RemoteApi.h"
#include "api/types/Terminals.h"
#include "sandbox/SandboxBehaviour.h"
#include "sandbox/SandboxCertificates.h"
#include "testsupport/EngineHarness.h"
#include "testsupport/ServedLink.h"
#include "testsupport/TempDir.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTest>

using namespace paydesk;
using paydesk::test::EngineHarness;

namespace {

template <typename T, typename Send> T call(EngineHarness& h, Send send)
{
    std::optional<T> got;
    send([&](const T& v) { got = v; });
    QElapsedTimer waited;
    waited.start();
    while (!got && waited.elapsed() < 10'000) {
        h.drain();
        QTest::qWait(5);
    }
    if (!got)
        qFatal("no reply within 10 s");
    return *got;
}

// A core serving on loopback and a counter enrolled with it.
using Link = paydesk::test::ServedLink;
using paydesk::test::TempDataDir;

QString code(SandboxBehaviour b, int n = 0)
{
    return sandboxCode(Wallet::WeChat, b, n);
}

} // namespace

class tst_RemoteApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void serverListsAreRead_data();
    void serverListsAreRead();
    void paysAndTellsLikeTheEmbeddedCore();
    void sameRequestNumberIsOneSale_data();
    void sameRequestNumberIsOneSale();
    void refundAndRevokeOverTheLink();
    void readsAndCounterState();
    void unreachableServerChargesNothing();
    void saleInProgressSurvivesTheLinkDropping();
    void backOfficeOverTheLink();
    void backOfficeUnreachableDoesNothing();
    void httpsWithThePinnedServer_data();
    void httpsWithThePinnedServer();
};

void tst_RemoteApi::serverListsAreRead_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("servers"); // empty: refused
    QTest::addColumn<QString>("error");
    QTest::newRow("one") << QStringLiteral("https://core.shop:8443")
                         << QStringList{QStringLiteral("https://core.shop:8443")} << QString();
    QTest::newRow("two_in_order_spaces_ignored")
        << QStringLiteral("https://a.shop:8443, http://127.0.0.1:8444")
        << QStringList{QStringLiteral("https://a.shop:8443"),
                       QStringLiteral("http://127.0.0.1:8444")}
        << QString();
    QTest::newRow("second_not_http") << QStringLiteral("https://a.shop:8443,ftp://b.shop")
                                     << QStringList() << QStringLiteral("got 'ftp://b.shop'");
    QTest::newRow("empty_entry") << QStringLiteral("https://a.shop:8443,,https://b.shop")
                                 << QStringList() << QStringLiteral("got ''");
    QTest::newRow("no_host") << QStringLiteral("https://") << QStringList()
                             << QStringLiteral("--remote takes the server's URL");
}

void tst_RemoteApi::serverListsAreRead()
{
    QFETCH(QString, text);
    QFETCH(QStringList, servers);
    QFETCH(QString, error);
    QList<QUrl> read;
    const QString e = RemoteApi::parseServers(text, &read);
    if (servers.isEmpty()) {
        QVERIFY2(e.contains(error), qPrintable(e));
        return;
    }
    QCOMPARE(e, QString());
    QStringList got;
    for (const QUrl& u : read)
        got << u.toString();
    QCOMPARE(got, servers);
}

void tst_RemoteApi::paysAndTellsLikeTheEmbeddedCore()
{
    Link l;
    QTRY_VERIFY_WITH_TIMEOUT(l.up(), 5000);
    QSignalSpy changed(l.remote.get(), &PayDeskApi::orderChanged);
    QSignalSpy steps(l.remote.get(), &PayDeskApi::eventRecorded);
    const CommandOutcome o = call<CommandOutcome>(l.h, [&](auto r) {
        l.remote->pay({QStringLiteral("rp-1"), Money::fromFen(1234),
                       code(SandboxBehaviour::InstantSuccess), QStringLiteral("2 coffees"),
                       QString()},
                      r);
    });
    QCOMPARE(commandStatusName(o.status), QStringLiteral("ok"));
    QVERIFY(!o.orderNo.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        (l.h.drain(), !changed.isEmpty() && changed.last().at(1).toInt() == int(OrderState::Paid)),
        5000);
    QCOMPARE(changed.last().at(0).toString(), o.orderNo);
    QVERIFY(!steps.isEmpty());
    const auto d = call<std::optional<OrderDetails>>(
        l.h, [&](auto r) { l.remote->orderDetails(o.orderNo, r); });
    QVERIFY(d);
    QCOMPARE(d->order.state, OrderState::Paid);
    QCOMPARE(d->order.amount.fen(), qint64(1234));
    QCOMPARE(d->payments.size(), 1);
    QCOMPARE(d->payments.first().state, PaymentState::Success);
    // The timeline read back equals the one the server keeps.
    QCOMPARE(d->events.size(), l.h.details(o.orderNo).events.size());
}

void tst_RemoteApi::sameRequestNumberIsOneSale_data()
{
    QTest::addColumn<int>("secondFen");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("field");
    QTest::newRow("same_content_repeats_first_result") << 500 << "ok"
                                                       << "";
    QTest::newRow("other_amount_is_refused") << 600 << "request_mismatch"
                                             << "amount";
}

void tst_RemoteApi::sameRequestNumberIsOneSale()
{
    QFETCH(int, secondFen);
    QFETCH(QString, status);
    QFETCH(QString, field);
    Link l;
    const auto pay = [&](int fen) {
        return call<CommandOutcome>(l.h, [&](auto r) {
            l.remote->pay({QStringLiteral("same"), Money::fromFen(fen),
                           code(SandboxBehaviour::InstantSuccess), QString(), QString()},
                          r);
        });
    };
    const CommandOutcome first = pay(500);
    QVERIFY(first.ok());
    const CommandOutcome second = pay(secondFen);
    QCOMPARE(commandStatusName(second.status), status);
    QCOMPARE(second.field, field);
    if (second.ok()) {
        QCOMPARE(second.orderNo, first.orderNo);
        QVERIFY(second.repeated);
    }
    QCOMPARE(l.h.orderCount(), 1);
}

void tst_RemoteApi::refundAndRevokeOverTheLink()
{
    Link l;
    const CommandOutcome paid = call<CommandOutcome>(l.h, [&](auto r) {
        l.remote->pay({QStringLiteral("rr-1"), Money::fromFen(1000),
                       code(SandboxBehaviour::InstantSuccess), QString(), QString()},
                      r);
    });
    QVERIFY(paid.ok());
    l.h.drain();
    const CommandOutcome refunded = call<CommandOutcome>(l.h, [&](auto r) {
        l.remote->refund(
            {QStringLiteral("rf-1"), paid.orderNo, Money::fromFen(300), QStringLiteral("cup")}, r);
    });
    QVERIFY2(refunded.ok(), qPrintable(refunded.message));
    QVERIFY(!refunded.refundNo.isEmpty());
    const CommandOutcome tooMuch = call<CommandOutcome>(l.h, [&](auto r) {
        l.remote->refund(
            {QStringLiteral("rf-2"), paid.orderNo, Money::fromFen(800), QStringLiteral("all")}, r);
    });
    QCOMPARE(tooMuch.status, CommandStatus::RefundExceedsPaid);
    const CommandOutcome slow = call<CommandOutcome>(l.h, [&](auto r) {
        l.remote->pay({QStringLiteral("rv-1"), Money::fromFen(700),
                       code(SandboxBehaviour::UserPayingThenSuccess, 30), QString(), QString()},
                      r);
    });
    QVERIFY(slow.ok());
    const CommandOutcome revoked = call<CommandOutcome>(l.h, [&](auto r) {
        l.remote->revoke({QStringLiteral("rv-1-revoke"), slow.orderNo, QStringLiteral("left")}, r);
    });
    QVERIFY2(revoked.ok(), qPrintable(revoked.message));
    l.h.advance(5000);
    QCOMPARE(l.h.details(slow.orderNo).order.state, OrderState::Closed);
}

void tst_RemoteApi::readsAndCounterState()
{
    CoreConfig c;
    Link l;
    QTRY_VERIFY_WITH_TIMEOUT(l.up(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        l.remote->counterLimits().maxAmountFen == l.h.api().counterLimits().maxAmountFen, 5000);
    QCOMPARE(l.remote->counterLimits().largeAmountFen, l.h.api().counterLimits().largeAmountFen);
    // Limits and reachability are two reads: either may come back first.
    QTRY_COMPARE_WITH_TIMEOUT(l.remote->reachability().size(), l.h.api().reachability().size(),
                              5000);
    for (int i = 0; i < 3; ++i)
        QVERIFY(call<CommandOutcome>(l.h, [&](auto r) {
                    l.remote->pay({QStringLiteral("list-%1").arg(i), Money::fromFen(100 + i),
                                   code(SandboxBehaviour::InstantSuccess), QString(), QString()},
                                  r);
                }).ok());
    l.h.drain();
    OrderFilter f;
    f.limit = 2;
    const auto page = call<QList<OrderRecord>>(l.h, [&](auto r) { l.remote->orders(f, r); });
    QCOMPARE(page.size(), 2);
    f.beforeOrderNo = page.last().orderNo;
    QCOMPARE(call<QList<OrderRecord>>(l.h, [&](auto r) { l.remote->orders(f, r); }).size(), 1);
    QVERIFY(!call<std::optional<OrderDetails>>(l.h, [&](auto r) {
                 l.remote->orderDetails(QStringLiteral("PO1nosuch"), r);
             }).has_value());
    const CommandOutcome lock = call<CommandOutcome>(l.h, [&](auto r) {
        l.remote->reportPinLockout({5, 60'000}, r);
    });
    QVERIFY(lock.ok());
    const auto alerts =
        call<QList<AlertRecord>>(l.h, [&](auto r) { l.remote->alerts(true, 10, r); });
    QVERIFY(!alerts.isEmpty());
    QCOMPARE(alerts.first().kind, QStringLiteral("pin_lockout"));
    QVERIFY(call<CommandOutcome>(l.h, [&](auto r) {
                l.remote->acknowledgeAlert(alerts.first().id, QStringLiteral("sam"), r);
            }).ok());
    QVERIFY(
        call<QList<AlertRecord>>(l.h, [&](auto r) { l.remote->alerts(true, 10, r); }).isEmpty());
}

void tst_RemoteApi::unreachableServerChargesNothing()
{
    EngineHarness h;
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    RemoteOptions o;
    o.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
    o.key.storeId = QStringLiteral("0001");
    o.key.terminalId = QStringLiteral("0009");
    o.key.secret = "x";
    RemoteApi remote(o);
    remote.start();
    const CommandOutcome out = call<CommandOutcome>(h, [&](auto r) {
        remote.pay({QStringLiteral("u1"), Money::fromFen(100),
                    code(SandboxBehaviour::InstantSuccess), QString(), QString()},
                   r);
    });
    QCOMPARE(out.status, CommandStatus::ServerUnreachable);
    QVERIFY(out.message.contains(QLatin1String("nothing was done")));
    QVERIFY(!remote.linkUp());
    QVERIFY(!remote.linkError().isEmpty());
}

void tst_RemoteApi::saleInProgressSurvivesTheLinkDropping()
{
    Link l;
    QTRY_VERIFY_WITH_TIMEOUT(l.up(), 5000);
    QSignalSpy changed(l.remote.get(), &PayDeskApi::orderChanged);
    const CommandOutcome o = call<CommandOutcome>(l.h, [&](auto r) {
        l.remote->pay({QStringLiteral("drop-1"), Money::fromFen(888),
                       code(SandboxBehaviour::UserPayingThenSuccess, 5), QString(), QString()},
                      r);
    });
    QVERIFY(o.ok());
    // The server goes away while the customer types the password...
    const quint16 port = l.port;
    l.server.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!l.up(), 5000);
    // ... the core finishes the sale meanwhile ...
    l.h.advance(8000);
    QCOMPARE(l.h.details(o.orderNo).order.state, OrderState::Paid);
    // ... and comes back (a new process: its event backlog is gone).
    l.serve(port);
    QTRY_VERIFY_WITH_TIMEOUT(l.up(), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty() && changed.last().at(0).toString() == o.orderNo &&
                                 changed.last().at(1).toInt() == int(OrderState::Paid),
                             10'000);
}

// A wallet top-up over the link: done once under its request number, read
// back as the core keeps it; a server path for a bill is refused there.
void tst_RemoteApi::backOfficeOverTheLink()
{
    Link l;
    BackOfficeApi& bo = l.remote->accounting();
    const auto topUp = [&] {
        return call<BackOfficeOutcome>(l.h, [&](auto r) {
            bo.topUpCash(QStringLiteral("m1"), Money::fromFen(1250), QStringLiteral("t-1"),
                         QStringLiteral("ann"), r);
        });
    };
    const BackOfficeOutcome first = topUp();
    QCOMPARE(backOfficeStatusName(first.status), QStringLiteral("ok"));
    QVERIFY(!first.number.isEmpty());
    const BackOfficeOutcome again = topUp();
    QCOMPARE(backOfficeStatusName(again.status), QStringLiteral("repeated"));
    QCOMPARE(again.number, first.number);
    const auto remote =
        call<BackOfficeRead<WalletView>>(l.h, [&](auto r) { bo.wallet(QStringLiteral("m1"), r); });
    QVERIFY(remote.ok());
    QCOMPARE(remote.value.balance.fen(), qint64(1250));
    QCOMPARE(remote.value.recent.size(), 1);
    QCOMPARE(remote.value.recent.first().number(), first.number);
    const auto local = call<BackOfficeRead<WalletView>>(
        l.h, [&](auto r) { l.h.api().accounting().wallet(QStringLiteral("m1"), r); });
    QCOMPARE(remote.value.balance, local.value.balance);
    QCOMPARE(remote.value.recent.first().atMs, local.value.recent.first().atMs);

    ReconcileRequest rq;
    rq.channel = QStringLiteral("wechat");
    rq.day = QDate(2026, 11, 23);
    rq.billPath = QStringLiteral("/etc/passwd");
    rq.by = QStringLiteral("ann");
    const auto refused =
        call<ReconcileResult>(l.h, [&](auto r) { l.remote->reconciliation().reconcile(rq, r); });
    QCOMPARE(backOfficeStatusName(refused.outcome.status), QStringLiteral("invalid_argument"));
    QCOMPARE(refused.outcome.field, QStringLiteral("billPath"));
    QVERIFY(refused.report.billSha256.isEmpty());
}

// No server: every change answers Unavailable, nothing done; reads say why.
void tst_RemoteApi::backOfficeUnreachableDoesNothing()
{
    EngineHarness h;
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    RemoteOptions o;
    o.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
    o.key.storeId = QStringLiteral("0001");
    o.key.terminalId = QStringLiteral("0009");
    o.key.secret = "x";
    RemoteApi remote(o);
    const auto out = call<BackOfficeOutcome>(h, [&](auto r) {
        remote.accounting().requestWithdrawal(QStringLiteral("m1"), Money::fromFen(100),
                                              QStringLiteral("w-1"), QStringLiteral("ann"),
                                              QString(), r);
    });
    QCOMPARE(backOfficeStatusName(out.status), QStringLiteral("unavailable"));
    QVERIFY2(out.message.contains(QLatin1String("nothing was done")), qPrintable(out.message));
    const auto read = call<BackOfficeRead<QList<AccountBalance>>>(
        h, [&](auto r) { remote.accounting().balances(BackOfficeApi::kNow, r); });
    QCOMPARE(backOfficeStatusName(read.outcome.status), QStringLiteral("unavailable"));
    QVERIFY(!call<InternalCheckReport>(h, [&](auto r) { remote.accounting().check(r); }).ok());
    const auto run = call<ReconcileResult>(h, [&](auto r) {
        remote.reconciliation().reconcile({QStringLiteral("wechat"),
                                           QDate(2026, 11, 23),
                                           {},
                                           false,
                                           QStringLiteral("ann"),
                                           {},
                                           {}},
                                          r);
    });
    QCOMPARE(backOfficeStatusName(run.outcome.status), QStringLiteral("unavailable"));
    QVERIFY(!remote.linkUp());
}

void tst_RemoteApi::httpsWithThePinnedServer_data()
{
    QTest::addColumn<QString>("trust");
    QTest::addColumn<bool>("pays");
    QTest::newRow("ca_file") << "ca" << true;
    QTest::newRow("certificate_fingerprint") << "fingerprint" << true;
    QTest::newRow("wrong_fingerprint") << "wrong" << false;
    QTest::newRow("nothing_trusted") << "none" << false;
}

void tst_RemoteApi::httpsWithThePinnedServer()
{
    QFETCH(QString, trust);
    QFETCH(bool, pays);
    EngineHarness h;
    TempDataDir pki;
    SandboxCertificateFiles files;
    QCOMPARE(ensureSandboxCertificates(pki.path(), &files), QString());
    ApiServerOptions options;
    options.certificateFile = files.serverCertificate;
    options.keyFile = files.serverKey;
    ApiServer server(h.api(), options);
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    QVERIFY(server.baseUrl().startsWith(QLatin1String("https://")));
    std::optional<TerminalEnrolment> e;
    h.api().terminalAccess().addTerminal(QStringLiteral("0001"), QStringLiteral("0004"),
                                         [&](const TerminalEnrolment& v) { e = v; });
    while (!e)
        h.drain();
    TerminalKey key;
    key.storeId = QStringLiteral("0001");
    key.terminalId = QStringLiteral("0004");
    QFile cert(files.serverCertificate);
    QVERIFY(cert.open(QIODevice::ReadOnly));
    const QString fingerprint = QString::fromLatin1(
        QSslCertificate(cert.readAll()).digest(QCryptographicHash::Sha256).toHex(':'));
    if (trust == QLatin1String("ca"))
        key.caFile = files.caCertificate;
    else if (trust == QLatin1String("fingerprint"))
        key.fingerprintSha256 = fingerprint;
    else if (trust == QLatin1String("wrong"))
        key.fingerprintSha256 = QString(fingerprint)
                                    .replace(QLatin1Char('a'), QLatin1Char('b'))
                                    .replace(QLatin1Char('0'), QLatin1Char('1'));
    const QString enrolError = RemoteApi::enrol(QUrl(server.baseUrl()), key, e->code, &key.secret);
    QCOMPARE(enrolError.isEmpty(), pays);
    if (!pays) {
        // The certificate is not trusted: the code never left this machine.
        QVERIFY2(enrolError.contains(QLatin1String("does not answer")), qPrintable(enrolError));
        return;
    }
    RemoteOptions o;
    o.server = QUrl(server.baseUrl());
    o.key = key;
    o.nowMs = [&h] { return h.clock().nowMs(); };
    RemoteApi remote(o);
    remote.start();
    QTRY_VERIFY_WITH_TIMEOUT((h.drain(), remote.linkUp()), 5000); // WSS too
    const CommandOutcome paid = call<CommandOutcome>(h, [&](auto r) {
        remote.pay({QStringLiteral("tls-1"), Money::fromFen(250),
                    code(SandboxBehaviour::InstantSuccess), QString(), QString()},
                   r);
    });
    QVERIFY2(paid.ok(), qPrintable(paid.message));
    QCOMPARE(h.details(paid.orderNo).order.terminalId, QStringLiteral("0004"));
}

QTEST_GUILESS_MAIN(tst_RemoteApi)
#include "tst_remoteapi.moc"
