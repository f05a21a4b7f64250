// Language switch on the running window (QEvent::LanguageChange), and the
// translation files are complete.
#include "app/Language.h"
#include "cashier/CashierScreen.h"
#include "cashier/SaleSession.h"
#include "engine/EventTexts.h"
#include "guisupport/GuiHarness.h"
#include "orders/AlertsModel.h"
#include "orders/AlertsStrip.h"
#include "orders/OrderDetailView.h"
#include "orders/OrdersScreen.h"
#include "orders/OrdersTableModel.h"
#include "orders/TimelineModel.h"
#include "orders/TimelineTexts.h"
#include "qr/QrScreen.h"
#include "receipt/ReceiptDialog.h"
#include "refund/RefundDialog.h"
#include "sandbox/SandboxBehaviour.h"
#include "settings/FirstRunWizard.h"
#include "settings/SettingsDialog.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTreeView>
#include <QWizard>
#include <QXmlStreamReader>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::GuiHarness;

namespace {

// A text a Chinese user may see in Latin letters: numbers, amounts, times,
// keys, order and payment numbers, return codes, brands and language names.
bool acceptableInChinese(const QString& text)
{
    static const QRegularExpression latin(QStringLiteral("[A-Za-z]"));
    if (!latin.match(text).hasMatch())
        return true; // Chinese, or only digits and signs
    for (const QChar c : text)
        if (c.unicode() > 0x2000 && c != u'¥' && c != u'…' && c != u'—' && c != u'→' && c != u'⚠' &&
            c != u'⌫')
            return true; // has non-Latin words: a translated text with codes in it
    // Only Latin: every word must be a code, key or brand.
    static const QRegularExpression allowed(QStringLiteral(
        "^(?:[A-Z]{2}[0-9]+|[0-9*]+|[A-Z0-9_]+|F[0-9]+|Alt\\+[0-9]|Ctrl\\+[A-Z]|Esc|Enter|"
        "PayDesk|English|CSV|PDF|QR|SANDBOX|HTML|[0-9:.\\-]+)$"));
    const QStringList words =
        text.split(QRegularExpression(QStringLiteral("[\\s,;:()（）/]+")), Qt::SkipEmptyParts);
    for (const QString& w : words)
        if (!allowed.match(w).hasMatch())
            return false;
    return true;
}

// Every text shown by the visible widgets under `root` that a Chinese user
// would read as English, with where it is.
QStringList englishTexts(QWidget* root, const QString& where)
{
    QStringList out;
    auto check = [&](const QString& text, const QObject* o) {
        const QString plain = QTextDocumentFragment::fromHtml(text).toPlainText().trimmed();
        if (!plain.isEmpty() && !acceptableInChinese(plain))
            out << QStringLiteral("%1: %2 \"%3\"")
                       .arg(where,
                            o->objectName().isEmpty()
                                ? QString::fromLatin1(o->metaObject()->className())
                                : o->objectName(),
                            plain);
    };
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        if (!w->isVisible())
            continue;
        if (auto* l = qobject_cast<QLabel*>(w))
            check(l->text(), l);
        else if (auto* b = qobject_cast<QAbstractButton*>(w))
            check(b->text(), b);
        else if (auto* g = qobject_cast<QGroupBox*>(w))
            check(g->title(), g);
        else if (auto* e = qobject_cast<QLineEdit*>(w); e && e->text().isEmpty())
            check(e->placeholderText(), e);
        else if (auto* c = qobject_cast<QComboBox*>(w))
            check(c->currentText(), c);
        else if (auto* t = qobject_cast<QTabBar*>(w))
            for (int i = 0; i < t->count(); ++i)
                check(t->tabText(i), t);
        else if (auto* h = qobject_cast<QHeaderView*>(w); h && h->model())
            for (int i = 0; i < h->count(); ++i)
                if (!h->isSectionHidden(i))
                    check(h->model()->headerData(i, h->orientation()).toString(), h);
    }
    // What the lists show: every cell of the first rows.
    // The sales' notes are what the cashier typed: data, not the app's words.
    const QString note = QCoreApplication::translate("paydesk::ui::OrdersTableModel", "Note");
    for (QAbstractItemView* v : root->findChildren<QAbstractItemView*>()) {
        if (!v->isVisible() || !v->model() || qobject_cast<QHeaderView*>(v))
            continue;
        QAbstractItemModel* m = v->model();
        auto* table = qobject_cast<QTableView*>(v);
        for (int c = 0; c < m->columnCount(); ++c) {
            if ((table && table->isColumnHidden(c)) ||
                m->headerData(c, Qt::Horizontal).toString() == note)
                continue;
            for (int r = 0; r < qMin(m->rowCount(), 12); ++r)
                check(m->index(r, c).data().toString(), v);
        }
    }
    return out;
}

} // namespace

class tst_GuiLanguage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void switchChangesVisibleTexts()
    {
        Language::apply(QStringLiteral("en"));
        GuiHarness h;
        auto* charge = h.find<QPushButton>(QStringLiteral("chargeButton"));
        auto* headline = h.find<QLabel>(QStringLiteral("saleHeadline"));
        QCOMPARE(h.window().tabs()->tabText(0), QStringLiteral("Cashier (Alt+1)"));
        QCOMPARE(charge->text(), QStringLiteral("Charge (Enter)"));
        QCOMPARE(headline->text(), QStringLiteral("Ready"));

        QCOMPARE(Language::apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QTRY_COMPARE(h.window().tabs()->tabText(0), QStringLiteral("收银（Alt+1）"));
        QTRY_COMPARE(charge->text(), QStringLiteral("收款（回车）"));
        QTRY_COMPARE(headline->text(), QStringLiteral("就绪"));
        QCOMPARE(h.window().tabs()->tabText(2), QStringLiteral("订单（Alt+3）"));
        QCOMPARE(h.window()
                     .orders()
                     ->model()
                     .headerData(OrdersTableModel::OrderNoColumn, Qt::Horizontal)
                     .toString(),
                 QStringLiteral("订单号"));

        // A sale's outcome in the new language, then back to English.
        const QString no =
            h.paidOrder(QStringLiteral("1.00"), QStringLiteral("130000000000000001"));
        QVERIFY(!no.isEmpty());
        Language::apply(QStringLiteral("en"));
        QTRY_COMPARE(h.window().tabs()->tabText(0), QStringLiteral("Cashier (Alt+1)"));
        QTRY_COMPARE(charge->text(), QStringLiteral("Charge (Enter)"));
    }

    // An alert says what happened and what to do in the user's language;
    // the core's own detail stays in the tooltip.
    void alertSummariesFollowTheLanguage()
    {
        Language::apply(QStringLiteral("en"));
        GuiHarness h;
        // Above the large-amount threshold: the core raises a watch alert.
        h.paidOrder(QStringLiteral("6000.00"),
                    sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        AlertsStrip* strip = h.window().alerts();
        QTRY_COMPARE(strip->model().rowCount(), 1);
        const QModelIndex alert = strip->model().index(0, 0);
        QVERIFY2(alert.data().toString().contains(
                     QLatin1String("An unusually large amount was charged")),
                 qPrintable(alert.data().toString()));
        QVERIFY(alert.data(Qt::ToolTipRole)
                    .toString()
                    .endsWith(strip->model().alertAt(0)->message)); // the core's detail
        QCOMPARE(Language::apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QTRY_VERIFY2(alert.data().toString().contains(QStringLiteral("收款金额异常偏大")),
                     qPrintable(alert.data().toString()));
        Language::apply(QStringLiteral("en"));
    }

    // The timeline's codes (step, source, states) follow the language; a
    // code the table does not know still shows as it is.
    void timelineCodesFollowTheLanguage()
    {
        Language::apply(QStringLiteral("en"));
        GuiHarness h;
        const QString no = h.paidOrder(
            QStringLiteral("3.00"), sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess));
        h.advance(500);
        h.window().showOrders();
        h.window().orders()->openOrder(no);
        TimelineModel& t = h.window().orders()->detail()->timeline();
        QTRY_VERIFY(t.rowCount() > 2);
        auto cells = [&t](int column) {
            QStringList out;
            for (int r = 0; r < t.rowCount(); ++r)
                out << t.index(r, column).data().toString();
            return out;
        };
        QVERIFY2(cells(TimelineModel::WhatColumn).contains(QStringLiteral("created")),
                 qPrintable(cells(TimelineModel::WhatColumn).join(u'|')));
        QVERIFY(cells(TimelineModel::ChangeColumn).contains(QStringLiteral("pending → paid")));
        QCOMPARE(Language::apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QTRY_VERIFY2(cells(TimelineModel::WhatColumn).contains(QStringLiteral("创建")),
                     qPrintable(cells(TimelineModel::WhatColumn).join(u'|')));
        QVERIFY2(cells(TimelineModel::ChangeColumn).contains(QStringLiteral("待支付 → 已支付")),
                 qPrintable(cells(TimelineModel::ChangeColumn).join(u'|')));
        QVERIFY(cells(TimelineModel::SourceColumn).contains(QStringLiteral("收银台")));
        QCOMPARE(timelineStepLabel(QStringLiteral("some_new_kind")),
                 QStringLiteral("some_new_kind"));
        Language::apply(QStringLiteral("en"));
    }

    // Every step code the core records has its text in the front end, with
    // the same arguments.
    void everyCoreStepCodeHasATranslation()
    {
        const QStringList ui = timelineMessageCodes();
        static const QRegularExpression placeholder(QStringLiteral("%([1-9])"));
        for (const QString& code : events::codes()) {
            QVERIFY2(ui.contains(code), qPrintable(code));
            TrackEvent e;
            e.code = code;
            for (int i = 1; i <= 9; ++i)
                e.args << QStringLiteral("<arg%1>").arg(i);
            if (code == QLatin1String("channel_call") || code == QLatin1String("alert_raised"))
                continue; // rendered from their parts, not from one template
            const QString english = events::englishTemplate(code);
            const QString shown = timelineMessage(e);
            for (auto it = placeholder.globalMatch(english); it.hasNext();) {
                const QString arg = QStringLiteral("<arg%1>").arg(it.next().captured(1));
                QVERIFY2(shown.contains(arg) || code == QLatin1String("payment_created") ||
                             code == QLatin1String("order_paid") ||
                             code == QLatin1String("order_not_paid") ||
                             code == QLatin1String("payment_resumed"),
                         qPrintable(code + u' ' + arg + u' ' + shown));
            }
        }
    }

    // In Chinese no screen shows an English text: a walk through the
    // cashier (idle, waiting, paid, not paid), the QR code, an order's
    // detail, the refund, receipt and settings dialogs and the wizard.
    void everyScreenIsChineseInChinese()
    {
        QCOMPARE(Language::apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        GuiHarness h({}, true);
        h.window().resize(1366, 768);
        h.window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.window()));
        h.advance(500);
        QStringList english;
        auto walk = [&](QWidget* w, const char* where) {
            QCoreApplication::processEvents();
            english << englishTexts(w, QLatin1String(where));
        };
        walk(&h.window(), "cashier idle");
        h.find<QLineEdit>(QStringLiteral("amountEdit"))->setText(QStringLiteral("23.50"));
        h.window().cashier()->acceptScannedCode(
            sandboxCode(Wallet::WeChat, SandboxBehaviour::UserPayingThenSuccess, 9));
        h.advance(3'000);
        QTRY_COMPARE(h.window().cashier()->session().view().phase, SalePhase::WaitingForPassword);
        walk(&h.window(), "cashier waiting");
        h.advance(10'000);
        QTRY_COMPARE(h.window().cashier()->session().view().phase, SalePhase::Paid);
        walk(&h.window(), "cashier paid");
        const QString paid = h.window().cashier()->session().view().orderNo;
        h.window().cashier()->session().reset();
        h.find<QLineEdit>(QStringLiteral("amountEdit"))->setText(QStringLiteral("8.99"));
        h.window().cashier()->acceptScannedCode(
            sandboxCode(Wallet::Alipay, SandboxBehaviour::InsufficientFunds));
        h.advance(500);
        QTRY_COMPARE(h.window().cashier()->session().view().phase, SalePhase::NotPaid);
        walk(&h.window(), "cashier not paid");
        h.window().showQr();
        h.window().qr()->start(QStringLiteral("66.00"), QStringLiteral("4"));
        h.advance(500);
        walk(&h.window(), "QR code");
        h.window().showOrders();
        h.window().orders()->openOrder(paid);
        h.advance(200);
        walk(&h.window(), "order detail");
        QDialog* refund = h.window().openRefund(paid);
        h.advance(200);
        walk(refund, "refund dialog");
        refund->close();
        QDialog* receipt = h.window().openReceipt(paid);
        h.advance(200);
        walk(receipt, "receipt dialog");
        receipt->close();
        {
            SettingsDialog settings(h.settings(), h.window().pinGuard());
            settings.show();
            walk(&settings, "settings");
        }
        {
            FirstRunWizard wizard(h.settings());
            wizard.show();
            for (int page = 0; page < 4 && !wizard.button(QWizard::FinishButton)->isVisible();
                 ++page) {
                walk(&wizard, "wizard");
                wizard.next();
            }
            walk(&wizard, "wizard");
        }
        Language::apply(QStringLiteral("en"));
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u'\n')));
    }

    // Qt's own texts (standard buttons, wizard pages) come in Chinese too:
    // the Qt translations are installed with the project's dependencies.
    void qtsOwnTextsFollowTheLanguage()
    {
        QCOMPARE(Language::apply(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        const QString cancel = QCoreApplication::translate("QPlatformTheme", "Cancel");
        const QString next = QCoreApplication::translate("QWizard", "&Next");
        Language::apply(QStringLiteral("en"));
        QCOMPARE(cancel, QStringLiteral("取消"));
        QVERIFY2(next.startsWith(QStringLiteral("下一步")), qPrintable(next));
    }

    void translationFilesAreComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("zh_CN") << QStringLiteral(PAYDESK_TRANSLATIONS_DIR "/paydesk_zh_CN.ts");
        QTest::newRow("en") << QStringLiteral(PAYDESK_TRANSLATIONS_DIR "/paydesk_en.ts");
    }
    void translationFilesAreComplete()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        QXmlStreamReader xml(&f);
        int messages = 0;
        QStringList unfinished;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("message"))
                ++messages;
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation") &&
                     (xml.attributes().value(QLatin1String("type")) ==
                          QLatin1String("unfinished") ||
                      xml.attributes().value(QLatin1String("type")) == QLatin1String("vanished")))
                unfinished << source;
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 100);
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(tst_GuiLanguage)
#include "tst_gui_language.moc"
