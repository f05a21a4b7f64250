// Merchant-presented QR, refunds from the last sales, receipts.
#include "cashier/LastSalesPanel.h"
#include "cashier/SaleSession.h"
#include "decode/CodeDecoder.h"
#include "guisupport/GuiHarness.h"
#include "orders/AlertsStrip.h"
#include "qr/QrCodeWidget.h"
#include "qr/QrScreen.h"
#include "receipt/ReceiptDialog.h"
#include "refund/RefundDialog.h"
#include "sandbox/SandboxBehaviour.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
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

RefundDialog* openRefundFromLastSales(GuiHarness& h, const QString& orderNo)
{
    auto* panel = h.find<LastSalesPanel>(QStringLiteral("lastSalesPanel"));
    panel->reload();
    panel->selectOrder(orderNo);
    if (panel->selectedOrderNo() != orderNo)
        return nullptr;
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("lastSalesRefund")),
                      Qt::LeftButton);
    return h.window().findChild<RefundDialog*>();
}

} // namespace

class tst_GuiQrRefund : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void qrFlowToPaid()
    {
        GuiHarness h;
        // From the cashier screen: amount typed, "Show QR code".
        auto* amount = h.find<QLineEdit>(QStringLiteral("amountEdit"));
        amount->setText(QStringLiteral("15.00"));
        QTest::mouseClick(h.find<QPushButton>(QStringLiteral("qrButton")), Qt::LeftButton);
        QrScreen* qr = h.window().qr();
        QTRY_VERIFY(qr->isVisible());
        QTRY_VERIFY(!qr->code()->text().isEmpty());
        QCOMPARE(qr->session().view().phase, SalePhase::WaitingForScan);
        QVERIFY(qr->findChild<QLabel*>(QStringLiteral("qrBigAmount"))
                    ->text()
                    .contains(QStringLiteral("15.00")));
        QVERIFY(qr->findChild<QLabel*>(QStringLiteral("saleCountdown"))->isVisible());
        // The QR drawn on screen decodes back to the channel's code URL.
        const QImage img = qr->code()->image();
        QVERIFY(!img.isNull());
        QVERIFY(qr->code()->modulePx() >= 2);
        const auto decoded = decode::CodeDecoder().decode(img);
        QCOMPARE(decoded.size(), 1);
        QCOMPARE(decoded.first().text, qr->code()->text());
        QCOMPARE(decoded.first().format, QStringLiteral("QRCode"));
        // The demo's customer scans and pays.
        QTest::mouseClick(qr->findChild<QPushButton*>(QStringLiteral("qrSimulateScan")),
                          Qt::LeftButton);
        h.advance(5'000);
        QTRY_COMPARE(qr->session().view().phase, SalePhase::Paid);
        QVERIFY(qr->code()->text().isEmpty()); // never shown after the sale ended
    }

    void qrRevokedByTheCashier()
    {
        GuiHarness h;
        QrScreen* qr = h.window().qr();
        h.window().showQr();
        qr->start(QStringLiteral("7.00"), QStringLiteral("juice"));
        QTRY_COMPARE(qr->session().view().phase, SalePhase::WaitingForScan);
        QTest::mouseClick(qr->findChild<QPushButton*>(QStringLiteral("revokeButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(qr->session().view().phase, SalePhase::Revoked);
    }

    void partialRefundWithReason()
    {
        GuiHarness h;
        const QString no = h.paidOrder(
            QStringLiteral("50.00"), sandboxCode(Wallet::Alipay, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        RefundDialog* d = openRefundFromLastSales(h, no);
        QVERIFY(d);
        auto* amount = d->findChild<QLineEdit*>(QStringLiteral("refundAmount"));
        QTRY_COMPARE(amount->text(),
                     QStringLiteral("50.00")); // offered: what can still be refunded
        amount->setText(QStringLiteral("20.00"));
        // No reason: refused by the dialog, nothing sent.
        QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("refundSubmit")),
                          Qt::LeftButton);
        QVERIFY(!d->statusText().isEmpty());
        QCOMPARE(details(h, no).refunds.size(), 0);
        d->findChild<QComboBox*>(QStringLiteral("refundReason"))->setCurrentIndex(1);
        QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("refundSubmit")),
                          Qt::LeftButton);
        h.advance(2'000);
        QTRY_VERIFY(d->succeeded());
        QTRY_COMPARE(details(h, no).order.state, OrderState::PartiallyRefunded);
        QCOMPARE(details(h, no).order.refundedFen, 2000);
        // Pressing again asks nothing more.
        QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("refundSubmit")),
                          Qt::LeftButton);
        h.drain();
        QCOMPARE(details(h, no).refunds.size(), 1);
        d->close();
    }

    void refundNeedsTheSupervisorPinWhenSet()
    {
        GuiHarness h;
        h.settings().setSupervisorPin(QStringLiteral("2468"));
        const QString no = h.paidOrder(
            QStringLiteral("30.00"), sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        RefundDialog* d = openRefundFromLastSales(h, no);
        QVERIFY(d);
        auto* pin = d->findChild<QLineEdit*>(QStringLiteral("refundPin"));
        QVERIFY(pin->isVisibleTo(d));
        d->findChild<QComboBox*>(QStringLiteral("refundReason"))
            ->setCurrentText(QStringLiteral("goods returned"));
        pin->setText(QStringLiteral("1111"));
        QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("refundSubmit")),
                          Qt::LeftButton);
        h.drain();
        QVERIFY(!d->succeeded());
        QVERIFY2(d->statusText().contains(QStringLiteral("(4 try(ies) left")),
                 qPrintable(d->statusText()));
        QCOMPARE(details(h, no).refunds.size(), 0);
        pin->setText(QStringLiteral("2468"));
        QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("refundSubmit")),
                          Qt::LeftButton);
        h.advance(2'000);
        QTRY_VERIFY(d->succeeded());
        QTRY_COMPARE(details(h, no).order.state, OrderState::Refunded);
        d->close();
    }

    // Five wrong PINs lock refunds: even the right PIN is refused until the
    // lock ends, nothing is refunded meanwhile, and the core keeps an alert.
    void fiveWrongPinsLockRefunds()
    {
        GuiHarness h;
        h.settings().setSupervisorPin(QStringLiteral("2468"));
        const QString no = h.paidOrder(
            QStringLiteral("30.00"), sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        RefundDialog* d = openRefundFromLastSales(h, no);
        QVERIFY(d);
        auto* pin = d->findChild<QLineEdit*>(QStringLiteral("refundPin"));
        auto* submit = d->findChild<QPushButton*>(QStringLiteral("refundSubmit"));
        d->findChild<QComboBox*>(QStringLiteral("refundReason"))->setCurrentIndex(1);
        for (int i = 0; i < 5; ++i) {
            pin->setText(QStringLiteral("0000"));
            QTest::mouseClick(submit, Qt::LeftButton);
        }
        QVERIFY2(d->statusText().startsWith(QStringLiteral("Too many wrong PINs: refunds are "
                                                           "locked for 1 min")),
                 qPrintable(d->statusText()));
        pin->setText(QStringLiteral("2468"));
        QTest::mouseClick(submit, Qt::LeftButton);
        h.advance(2'000);
        QVERIFY(!d->succeeded());
        QCOMPARE(details(h, no).refunds.size(), 0);
        QList<AlertRecord> open;
        h.api().alerts(true, 10, [&](const QList<AlertRecord>& a) { open = a; });
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.constFirst().kind, QStringLiteral("pin_lockout"));
        QVERIFY(h.window().alerts()->isVisible());
        h.advance(60'000, 5'000);
        pin->setText(QStringLiteral("2468"));
        QTest::mouseClick(submit, Qt::LeftButton);
        h.advance(2'000);
        QTRY_VERIFY(d->succeeded());
        d->close();
    }

    void refundBeyondWhatWasPaidIsRefusedByTheCore()
    {
        GuiHarness h;
        const QString no = h.paidOrder(
            QStringLiteral("10.00"), sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        RefundDialog* d = openRefundFromLastSales(h, no);
        QVERIFY(d);
        QTRY_COMPARE(d->findChild<QLineEdit*>(QStringLiteral("refundAmount"))->text(),
                     QStringLiteral("10.00"));
        d->findChild<QLineEdit*>(QStringLiteral("refundAmount"))->setText(QStringLiteral("11.00"));
        d->findChild<QComboBox*>(QStringLiteral("refundReason"))->setCurrentIndex(2);
        QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("refundSubmit")),
                          Qt::LeftButton);
        QTRY_VERIFY(d->statusText().contains(QStringLiteral("Not refunded")));
        QVERIFY(!d->succeeded());
        QCOMPARE(details(h, no).order.state, OrderState::Paid);
        d->close();
    }

    void receiptPreviewAndPdf()
    {
        GuiHarness h;
        h.settings().setStoreName(QStringLiteral("Corner Shop"));
        const QString no = h.paidOrder(
            QStringLiteral("18.80"), sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess),
            QStringLiteral("noodles"));
        h.advance(500);
        auto* d = qobject_cast<ReceiptDialog*>(h.window().openReceipt(no));
        QVERIFY(d);
        QVERIFY(d->html().contains(no));
        QVERIFY(d->html().contains(QStringLiteral("Corner Shop")));
        QVERIFY(d->html().contains(QStringLiteral("18.80")));
        QVERIFY(!d->html().contains(sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess)));
        const QString pdf = h.dataDir() + QStringLiteral("/receipt.pdf");
        QCOMPARE(d->exportPdf(pdf), QString());
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        d->close();
    }
};

QTEST_MAIN(tst_GuiQrRefund)
#include "tst_gui_qr_refund.moc"
