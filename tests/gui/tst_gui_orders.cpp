// Support's orders view on the real widgets: search by every kind of number,
// state and wallet filters, lazy paging, the timeline, the alerts strip.
#include "guisupport/GuiHarness.h"
#include "orders/AlertsModel.h"
#include "orders/AlertsStrip.h"
#include "orders/OrderDetailView.h"
#include "orders/OrdersFilterProxy.h"
#include "orders/OrdersScreen.h"
#include "orders/OrdersTableModel.h"
#include "orders/TimelineModel.h"
#include "sandbox/SandboxBehaviour.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::GuiHarness;

namespace {

OrderDetails details(GuiHarness& h, const QString& orderNo)
{
    std::optional<OrderDetails> d;
    h.api().orderDetails(orderNo, [&](const std::optional<OrderDetails>& x) { d = x; });
    return d.value_or(OrderDetails{});
}

QStringList shownOrders(OrdersScreen* s)
{
    QStringList out;
    for (int r = 0; r < s->proxy().rowCount(); ++r)
        out << s->proxy().index(r, 0).data(OrdersTableModel::OrderNoRole).toString();
    return out;
}

void typeSearch(OrdersScreen* s, const QString& text)
{
    auto* box = s->findChild<QLineEdit*>(QStringLiteral("ordersSearch"));
    box->clear();
    box->setFocus();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

} // namespace

class tst_GuiOrders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void searchFindsByEachKindOfNumber()
    {
        GuiHarness h;
        const QString a =
            h.paidOrder(QStringLiteral("10.00"), QStringLiteral("130000000000004321"));
        const QString b =
            h.paidOrder(QStringLiteral("20.00"), QStringLiteral("280000000000008765"));
        const QString c =
            h.paidOrder(QStringLiteral("30.00"), QStringLiteral("130000000000001111"));
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
        h.advance(500);
        CommandOutcome refund;
        h.api().refund(
            RefundCommand{QStringLiteral("r1"), b, Money::fromFen(500), QStringLiteral("test")},
            [&](const CommandOutcome& o) { refund = o; });
        h.advance(500);
        QVERIFY2(refund.ok(), qPrintable(refund.message));
        const OrderDetails db = details(h, b);
        QVERIFY(!db.payments.isEmpty());
        const QString tradeNo = db.payments.constLast().channelTradeNo;
        QVERIFY(!tradeNo.isEmpty());
        QVERIFY(!db.refunds.isEmpty());
        const QString channelRefundNo = db.refunds.constLast().channelRefundNo;
        QVERIFY(!channelRefundNo.isEmpty());

        h.window().showOrders();
        OrdersScreen* s = h.window().orders();
        QTRY_COMPARE(s->proxy().rowCount(), 3);
        struct Case
        {
            QString what;
            QString text;
            QString expected;
        };
        const QList<Case> cases = {
            {QStringLiteral("order no."), b, b},
            {QStringLiteral("payment no."), db.payments.constLast().paymentNo, b},
            {QStringLiteral("channel trade no."), tradeNo, b},
            {QStringLiteral("refund no."), refund.refundNo, b},
            {QStringLiteral("channel refund no."), channelRefundNo, b},
            {QStringLiteral("refund's request no."), QStringLiteral("r1"), b},
            {QStringLiteral("order's request no."), db.order.requestNo, b},
            {QStringLiteral("last 4 of the code"), QStringLiteral("4321"), a},
            {QStringLiteral("last 4, another"), QStringLiteral("1111"), c},
        };
        for (const Case& k : cases) {
            typeSearch(s, k.text);
            QTRY_COMPARE_WITH_TIMEOUT(shownOrders(s), QStringList{k.expected}, 3000);
            // The only match opens in the detail view.
            QTRY_COMPARE(s->detail()->orderNo(), k.expected);
        }
        typeSearch(s, QStringLiteral("9999"));
        QTRY_COMPARE(s->proxy().rowCount(), 0);
        typeSearch(s, QString());
        QTRY_COMPARE(s->proxy().rowCount(), 3);
    }

    void stateAndWalletFilters()
    {
        GuiHarness h;
        h.paidOrder(QStringLiteral("1.00"),
                    sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.paidOrder(QStringLiteral("2.00"),
                    sandboxCode(Wallet::Alipay, SandboxBehaviour::InstantSuccess));
        h.paidOrder(QStringLiteral("3.00"),
                    sandboxCode(Wallet::WeChat, SandboxBehaviour::InsufficientFunds));
        h.advance(500);
        h.window().showOrders();
        OrdersScreen* s = h.window().orders();
        QTRY_COMPARE(s->proxy().rowCount(), 3);
        auto* wallet = s->findChild<QComboBox*>(QStringLiteral("ordersWallet"));
        wallet->setCurrentIndex(wallet->findData(int(Wallet::Alipay)));
        QTRY_COMPARE(s->proxy().rowCount(), 1);
        wallet->setCurrentIndex(0);
        auto* state = s->findChild<QComboBox*>(QStringLiteral("ordersState"));
        state->setCurrentIndex(state->findData(int(OrderState::Closed)));
        QTRY_COMPARE(s->proxy().rowCount(), 1);
        QCOMPARE(s->proxy().index(0, 0).data(OrdersTableModel::StateRole).toInt(),
                 int(OrderState::Closed));
        state->setCurrentIndex(0);
        QTRY_COMPARE(s->proxy().rowCount(), 3);
    }

    void pagesLoadAsTheViewScrolls()
    {
        GuiHarness h;
        for (int i = 0; i < 25; ++i)
            h.paidOrder(QStringLiteral("1.%1").arg(i, 2, 10, QLatin1Char('0')),
                        sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        OrdersScreen* s = h.window().orders();
        s->model().setPageSize(10);
        s->model().reload();
        QCOMPARE(s->model().rowCount(), 10);
        QVERIFY(s->model().canFetchMore({}));
        s->model().fetchMore({});
        s->model().fetchMore({});
        QCOMPARE(s->model().rowCount(), 25);
        QVERIFY(!s->model().canFetchMore({}));
        // Newest first, no duplicates across pages (keyset paging).
        QStringList nos;
        for (int r = 0; r < 25; ++r)
            nos << s->model().orderNoAt(r);
        QStringList sorted = nos;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QCOMPARE(nos, sorted);
        QCOMPARE(QSet<QString>(nos.begin(), nos.end()).size(), 25);
    }

    void timelineShowsEveryEventInOrderWithRawMessages()
    {
        GuiHarness h;
        const QString no = h.paidOrder(
            QStringLiteral("12.00"), sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        h.window().showOrders();
        h.window().orders()->openOrder(no);
        OrderDetailView* d = h.window().orders()->detail();
        const OrderDetails od = details(h, no);
        QTRY_COMPARE(d->timeline().rowCount(), int(od.events.size()));
        int transitions = 0, raws = 0;
        qint64 last = 0;
        for (int r = 0; r < d->timeline().rowCount(); ++r) {
            const QModelIndex i = d->timeline().index(r, 0);
            transitions += i.data(TimelineModel::IsTransitionRole).toBool() ? 1 : 0;
            if (d->timeline().rowCount(i) == 1) {
                ++raws;
                const QString raw =
                    d->timeline().index(0, TimelineModel::MessageColumn, i).data().toString();
                QVERIFY(!raw.contains(QStringLiteral("130000000000000001"))); // masked by the core
            }
            QVERIFY(d->timeline().events().at(r).atMs >= last);
            last = d->timeline().events().at(r).atMs;
        }
        QVERIFY(transitions >= 2); // payment and order state changes highlighted
        QVERIFY(raws >= 1);
        QVERIFY(d->summaryText().contains(no));
    }

    // "Ask the channel now" shows the channel's answer on the screen, in
    // the user's words, not only in a tooltip.
    void askTheChannelShowsItsAnswer()
    {
        GuiHarness h;
        const QString no = h.paidOrder(
            QStringLiteral("7.00"), sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.window().showOrders();
        h.window().orders()->openOrder(no);
        OrderDetailView* d = h.window().orders()->detail();
        auto* ask = d->findChild<QPushButton*>(QStringLiteral("queryButton"));
        auto* answer = d->findChild<QLabel*>(QStringLiteral("queryResult"));
        QVERIFY(ask && answer);
        QVERIFY(answer->text().isEmpty());
        QTest::mouseClick(ask, Qt::LeftButton);
        QTRY_VERIFY2(answer->text().contains(QStringLiteral("says: paid")),
                     qPrintable(answer->text()));
    }

    void alertsStripAcknowledges()
    {
        GuiHarness h;
        // ¥6,000 is above the large-amount threshold: the core raises a watch alert.
        const QString no =
            h.paidOrder(QStringLiteral("6000.00"),
                        sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        AlertsStrip* strip = h.window().alerts();
        QTRY_VERIFY(strip->isVisible());
        QCOMPARE(strip->model().rowCount(), 1);
        QCOMPARE(strip->model().alertAt(0)->orderNo, no);
        QTest::mouseClick(strip->findChild<QPushButton*>(QStringLiteral("alertsOpenOrder")),
                          Qt::LeftButton);
        QTRY_COMPARE(h.window().orders()->detail()->orderNo(), no);
        QVERIFY(h.window().orders()->detail()->summaryText().contains(QStringLiteral("⚠")));
        QTest::mouseClick(strip->findChild<QPushButton*>(QStringLiteral("alertsAcknowledge")),
                          Qt::LeftButton);
        QTRY_COMPARE(strip->model().rowCount(), 0);
        QTRY_VERIFY(!strip->isVisible());
        QList<AlertRecord> open;
        h.api().alerts(true, 10, [&](const QList<AlertRecord>& a) { open = a; });
        QVERIFY(open.isEmpty());
    }
};

QTEST_MAIN(tst_GuiOrders)
#include "tst_gui_orders.moc"
