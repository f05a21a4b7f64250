// Language switch on the running window (QEvent::LanguageChange), and the
// translation files are complete.
#include "app/Language.h"
#include "cashier/CashierScreen.h"
#include "guisupport/GuiHarness.h"
#include "orders/AlertsModel.h"
#include "orders/AlertsStrip.h"
#include "orders/OrderDetailView.h"
#include "orders/OrdersScreen.h"
#include "orders/OrdersTableModel.h"
#include "orders/TimelineModel.h"
#include "orders/TimelineTexts.h"
#include "sandbox/SandboxBehaviour.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QXmlStreamReader>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::GuiHarness;

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
