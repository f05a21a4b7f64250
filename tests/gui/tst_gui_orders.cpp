// Support's orders view on the real widgets: search by every kind of number,
// state and wallet filters, lazy paging, the timeline, the alerts strip.
#include "cashier/SaleView.h"
#include "guisupport/GuiHarness.h"
#include "orders/AlertsModel.h"
#include "orders/AlertsStrip.h"
#include "orders/OrderDetailView.h"
#include "orders/OrdersCsvExport.h"
#include "orders/OrdersFilterProxy.h"
#include "orders/OrdersScreen.h"
#include "orders/OrdersTableModel.h"
#include "orders/RefundsModel.h"
#include "orders/TimelineModel.h"
#include "receipt/ReceiptDialog.h"
#include "refund/RefundDialog.h"
#include "sandbox/SandboxBehaviour.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

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

// Answers the next modal question box with the button of that text.
void answerNextQuestion(const QString& objectName, const QString& button)
{
    QTimer::singleShot(0, [objectName, button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        QCOMPARE(box->objectName(), objectName);
        for (QAbstractButton* b : box->buttons())
            if (b->text() == button)
                b->click();
    });
}

OrderDetailView* openInOrders(GuiHarness& h, const QString& orderNo)
{
    h.window().showOrders();
    h.window().orders()->openOrder(orderNo);
    OrderDetailView* d = h.window().orders()->detail();
    return d->orderNo() == orderNo ? d : nullptr;
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

    // Support refunds and reprints any order from its detail, by key, and
    // the detail follows the refund live without being reopened.
    void supportRefundsAndReprintsFromAnyOrdersDetail()
    {
        GuiHarness h;
        const QString no = h.paidOrder(
            QStringLiteral("30.00"), sandboxCode(Wallet::Alipay, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        QVERIFY(QTest::qWaitForWindowActive(&h.window()));
        OrderDetailView* d = openInOrders(h, no);
        QVERIFY(d);
        auto* refund = d->findChild<QPushButton*>(QStringLiteral("detailRefund"));
        auto* revoke = d->findChild<QPushButton*>(QStringLiteral("detailRevoke"));
        QTRY_VERIFY(refund->isEnabled());
        QVERIFY(!revoke->isEnabled()); // a paid sale is refunded, not revoked
        QTest::keyClick(&h.window(), Qt::Key_F4);
        RefundDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = h.window().findChild<RefundDialog*>()));
        auto* amount = dialog->findChild<QLineEdit*>(QStringLiteral("refundAmount"));
        QTRY_COMPARE(amount->text(), QStringLiteral("30.00"));
        amount->setText(QStringLiteral("12.50"));
        dialog->findChild<QComboBox*>(QStringLiteral("refundReason"))->setCurrentIndex(1);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("refundSubmit")),
                          Qt::LeftButton);
        h.advance(2'000);
        QTRY_VERIFY(dialog->succeeded());
        dialog->close();
        QTRY_VERIFY2(d->summaryText().contains(QStringLiteral("refunded ¥12.50")),
                     qPrintable(d->summaryText()));
        QTRY_COMPARE(d->refunds().rowCount(), 1);
        QVERIFY(refund->isEnabled()); // ¥17.50 may still be refunded
        h.window().activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&h.window()));
        QTest::keyClick(&h.window(), Qt::Key_F6);
        QTRY_VERIFY(h.window().findChild<ReceiptDialog*>());
        delete h.window().findChild<ReceiptDialog*>();
    }

    // A sale stuck waiting is revoked from its detail after a question; the
    // question's "Keep it" sends nothing.
    void supportRevokesAPendingOrderFromItsDetail()
    {
        GuiHarness h;
        CommandOutcome paid;
        h.api().pay(PayCommand{QStringLiteral("stuck-1"), Money::fromFen(4'200),
                               sandboxCode(Wallet::WeChat, SandboxBehaviour::NeverFinal),
                               QStringLiteral("stuck")},
                    [&](const CommandOutcome& o) { paid = o; });
        h.advance(500);
        QVERIFY2(paid.ok(), qPrintable(paid.message));
        OrderDetailView* d = openInOrders(h, paid.orderNo);
        QVERIFY(d);
        auto* revoke = d->findChild<QPushButton*>(QStringLiteral("detailRevoke"));
        QTRY_VERIFY(revoke->isEnabled());
        QVERIFY(!d->findChild<QPushButton*>(QStringLiteral("detailRefund"))->isEnabled());

        answerNextQuestion(QStringLiteral("confirmRevoke"), QStringLiteral("Keep it"));
        QTest::mouseClick(revoke, Qt::LeftButton);
        h.advance(500);
        QVERIFY(details(h, paid.orderNo).revokes.isEmpty());

        answerNextQuestion(QStringLiteral("confirmRevoke"), QStringLiteral("Revoke"));
        QTest::mouseClick(revoke, Qt::LeftButton);
        h.advance(2'000);
        auto* answer = d->findChild<QLabel*>(QStringLiteral("queryResult"));
        QTRY_VERIFY2(answer->text().startsWith(QStringLiteral("Revoke requested")),
                     qPrintable(answer->text()));
        QTRY_COMPARE(details(h, paid.orderNo).revokes.size(), 1);
        h.advance(10'000);
        QTRY_COMPARE(details(h, paid.orderNo).order.state, OrderState::Closed);
        // The detail follows by itself: nothing is left to revoke.
        QTRY_VERIFY(!revoke->isEnabled());
        QTRY_VERIFY(d->summaryText().contains(SaleText::orderStateLabel(OrderState::Closed)));
    }

    // Export writes every order the filters find, not only the loaded rows,
    // with amounts as decimal text; the wallet filter applies too.
    void exportWritesTheFilteredOrdersAsCsv()
    {
        GuiHarness h;
        const QString wechat = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
        QStringList wechatOrders;
        for (int i = 1; i <= 5; ++i)
            wechatOrders << h.paidOrder(QStringLiteral("%1.05").arg(i), wechat,
                                        i == 1 ? QStringLiteral("=1+1, \"tea\"") : QString());
        h.paidOrder(QStringLiteral("99.00"),
                    sandboxCode(Wallet::Alipay, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        h.window().showOrders();
        OrdersScreen* s = h.window().orders();
        s->model().setPageSize(2); // the view has loaded only part of them
        s->findChild<QComboBox*>(QStringLiteral("ordersWallet"))
            ->setCurrentIndex(s->findChild<QComboBox*>(QStringLiteral("ordersWallet"))
                                  ->findData(int(Wallet::WeChat)));
        s->search(QString());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("orders.csv"));
        OrdersCsvExport* job = s->exportCsv(path);
        QVERIFY(job);
        QSignalSpy done(job, &OrdersCsvExport::finished);
        QTRY_COMPARE(done.size(), 1);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        QTRY_VERIFY(s->findChild<QLabel*>(QStringLiteral("exportResult"))
                        ->text()
                        .startsWith(QStringLiteral("5 order(s) exported.")));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines =
            QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 5);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("order_no,created_at,state,wallet")));
        for (int i = 1; i <= 5; ++i) {
            // Newest first, as the list shows them.
            const QString& line = lines.at(6 - i);
            QVERIFY2(line.startsWith(wechatOrders.at(i - 1) + u','), qPrintable(line));
            QVERIFY2(line.contains(QStringLiteral(",%1.05,0.00,0.00,CNY,").arg(i)),
                     qPrintable(line));
            QVERIFY(line.contains(QStringLiteral(",PAID,wechat,")));
        }
        QVERIFY2(lines.at(5).endsWith(QStringLiteral(",\"'=1+1, \"\"tea\"\"\"")),
                 qPrintable(lines.at(5)));
    }

    // A file that cannot be written says why, and nothing is left behind.
    void exportToAnUnwritablePlaceSaysWhy()
    {
        GuiHarness h;
        h.window().showOrders();
        OrdersScreen* s = h.window().orders();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no-such-dir/orders.csv"));
        QVERIFY(!s->exportCsv(path));
        QVERIFY(s->findChild<QLabel*>(QStringLiteral("exportResult"))
                    ->text()
                    .startsWith(QStringLiteral("Cannot write ")));
        QVERIFY(!QFile::exists(path));
    }

    // Clicking a header sorts and shows the indicator; again reverses it.
    void sortingShowsItsIndicator()
    {
        GuiHarness h;
        h.paidOrder(QStringLiteral("3.00"),
                    sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.paidOrder(QStringLiteral("1.00"),
                    sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.window().showOrders();
        QHeaderView* header = h.window().orders()->view()->horizontalHeader();
        QVERIFY(!header->isSortIndicatorShown());
        const int amount = OrdersTableModel::AmountColumn;
        const int x = header->sectionViewportPosition(amount) + header->sectionSize(amount) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QVERIFY(header->isSortIndicatorShown());
        QCOMPARE(header->sortIndicatorSection(), amount);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(h.window()
                     .orders()
                     ->proxy()
                     .index(0, amount)
                     .data(OrdersTableModel::AmountFenRole)
                     .toLongLong(),
                 300);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        QCOMPARE(h.window()
                     .orders()
                     ->proxy()
                     .index(0, amount)
                     .data(OrdersTableModel::AmountFenRole)
                     .toLongLong(),
                 100);
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
