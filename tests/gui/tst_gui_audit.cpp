// The audit log in the app: the sales and refusals made at this counter,
// filtered by person and action, exported as CSV, and offered only to the
// roles that may read it.
#include "audit/AuditModel.h"
#include "audit/AuditScreen.h"
#include "guisupport/GuiHarness.h"
#include "sandbox/SandboxBehaviour.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QTabWidget>
#include <QTest>

using namespace paydesk;
using namespace paydesk::ui;
using paydesk::test::GuiHarness;

class tst_GuiAudit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void salesAreListedFilteredAndExported()
    {
        GuiHarness h;
        const QString code = sandboxCode(Wallet::WeChat, SandboxBehaviour::InstantSuccess);
        const QString first = h.paidOrder(QStringLiteral("12.00"), code);
        h.paidOrder(QStringLiteral("8.50"), code);
        QVERIFY(!first.isEmpty());
        AuditScreen* screen = h.window().audit();
        QVERIFY(screen);
        h.window().tabs()->setCurrentWidget(screen); // opening the tab reads the log
        QTRY_COMPARE(screen->model().rowCount(), 2);
        const QModelIndex newest = screen->model().index(0, AuditModel::Detail);
        QCOMPARE(newest.data().toString(), QStringLiteral("8.50"));
        QCOMPARE(screen->model().index(0, AuditModel::Action).data().toString(),
                 QStringLiteral("pay"));
        QCOMPARE(screen->model().index(0, AuditModel::Outcome).data().toString(),
                 QStringLiteral("ok"));
        QCOMPARE(screen->model().index(0, AuditModel::User).data().toString(),
                 QStringLiteral("(no login)"));

        screen->findChild<QComboBox*>(QStringLiteral("auditAction"))
            ->setCurrentText(QStringLiteral("refund"));
        QTRY_COMPARE(screen->model().rowCount(), 0);
        screen->findChild<QComboBox*>(QStringLiteral("auditAction"))->setCurrentText(QString());
        QTRY_COMPARE(screen->model().rowCount(), 2);

        const QString path = h.dataDir() + QStringLiteral("/audit.csv");
        QCOMPARE(screen->exportTo(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0),
                 QStringLiteral("id,at,user,terminal,action,subject,detail,outcome,message"));
        QVERIFY2(lines.at(1).contains(QStringLiteral(",pay,")) &&
                     lines.at(1).contains(QStringLiteral(",8.50,ok,")),
                 qPrintable(lines.at(1)));
        // A path that cannot be written: said, nothing half-written.
        QVERIFY(!screen->exportTo(h.dataDir() + QStringLiteral("/no/such/dir/a.csv")).isEmpty());
    }

    void onlyRolesThatMayReadItSeeIt()
    {
        GuiHarness h;
        const QString liToken = h.addPerson(QStringLiteral("li"), Role::Cashier);
        const QString bossToken = h.addPerson(QStringLiteral("boss"), Role::Admin);

        AuditScreen* screen = h.window().audit();
        h.core().guard->setSessionToken(liToken);
        screen->reload();
        QCOMPARE(screen->model().rowCount(), 0);
        const QString refused = screen->findChild<QLabel*>(QStringLiteral("auditStatus"))->text();
        QVERIFY2(refused.contains(QStringLiteral("li (cashier) may not read the audit log")),
                 qPrintable(refused));

        h.core().guard->setSessionToken(bossToken);
        screen->reload();
        // The admin reads who was added and who logged in.
        QTRY_VERIFY(screen->model().rowCount() >= 4);
        bool sawAdd = false;
        for (int row = 0; row < screen->model().rowCount(); ++row)
            sawAdd |= screen->model().index(row, AuditModel::Action).data().toString() ==
                          QStringLiteral("user add") &&
                      screen->model().index(row, AuditModel::Subject).data().toString() ==
                          QStringLiteral("li");
        QVERIFY(sawAdd);
    }
};

QTEST_MAIN(tst_GuiAudit)
#include "tst_gui_audit.moc"
