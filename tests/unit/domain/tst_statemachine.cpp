// Unit tests for the state whitelists (core/domain/States.h). The expected
// transitions are written out here independently of transitionTable(), so a
// change to the table has to be made deliberately in both places.

#include "domain/States.h"

#include <QSet>
#include <QtTest>

#include <utility>

namespace {

using paydesk::EntityKind;
using O = paydesk::OrderState;
using P = paydesk::PaymentState;
using R = paydesk::RefundState;
using V = paydesk::RevokeState;

using Pair = std::pair<int, int>;

const QList<EntityKind> kKinds = {EntityKind::Order, EntityKind::Payment, EntityKind::Refund,
                                  EntityKind::Revoke};

int stateCount(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Order:
    case EntityKind::Payment:
        return 6;
    case EntityKind::Refund:
    case EntityKind::Revoke:
        return 4;
    }
    return 0;
}

int initialState(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Order:
        return int(O::Pending);
    case EntityKind::Payment:
        return int(P::Created);
    case EntityKind::Refund:
        return int(R::Created);
    case EntityKind::Revoke:
        return int(V::Requested);
    }
    return 0;
}

// The whitelists as the design states them.
QSet<Pair> expectedTransitions(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Order:
        return {
            {int(O::Pending), int(O::Paid)},       {int(O::Pending), int(O::Closed)},
            {int(O::Pending), int(O::Refunded)},   {int(O::Pending), int(O::Attention)},
            {int(O::Attention), int(O::Paid)},     {int(O::Attention), int(O::Closed)},
            {int(O::Attention), int(O::Refunded)}, {int(O::Paid), int(O::PartiallyRefunded)},
            {int(O::Paid), int(O::Refunded)},      {int(O::PartiallyRefunded), int(O::Refunded)},
        };
    case EntityKind::Payment:
        return {
            {int(P::Created), int(P::Processing)},  {int(P::Created), int(P::Success)},
            {int(P::Created), int(P::Failed)},      {int(P::Created), int(P::Closed)},
            {int(P::Created), int(P::Reversed)},    {int(P::Processing), int(P::Success)},
            {int(P::Processing), int(P::Failed)},   {int(P::Processing), int(P::Closed)},
            {int(P::Processing), int(P::Reversed)}, {int(P::Success), int(P::Reversed)},
        };
    case EntityKind::Refund:
        return {
            {int(R::Created), int(R::Processing)}, {int(R::Created), int(R::Success)},
            {int(R::Created), int(R::Failed)},     {int(R::Processing), int(R::Success)},
            {int(R::Processing), int(R::Failed)},
        };
    case EntityKind::Revoke:
        return {
            {int(V::Requested), int(V::Retrying)}, {int(V::Requested), int(V::Done)},
            {int(V::Requested), int(V::Manual)},   {int(V::Retrying), int(V::Done)},
            {int(V::Retrying), int(V::Manual)},    {int(V::Manual), int(V::Done)},
            {int(V::Manual), int(V::Retrying)},
        };
    }
    return {};
}

QSet<Pair> tableTransitions(EntityKind kind)
{
    int n = -1;
    const paydesk::TransitionRow* rows = paydesk::transitionTable(kind, &n);
    QSet<Pair> out;
    for (int i = 0; i < n; ++i)
        out.insert({rows[i].from, rows[i].to});
    return out;
}

bool isFinalState(EntityKind kind, int state)
{
    switch (kind) {
    case EntityKind::Order:
        return paydesk::isFinal(O(state));
    case EntityKind::Payment:
        return paydesk::isFinal(P(state));
    case EntityKind::Refund:
        return paydesk::isFinal(R(state));
    case EntityKind::Revoke:
        return paydesk::isFinal(V(state));
    }
    return false;
}

// Row-name part for a state: its name, or its number when out of range.
QByteArray label(EntityKind kind, int state)
{
    const QString name = paydesk::stateName(kind, state);
    return name == QLatin1String("?") ? QByteArray::number(state) : name.toLatin1();
}

} // namespace

class tst_StateMachine : public QObject
{
    Q_OBJECT

private slots:
    void everyPair_data();
    void everyPair();
    void tableRows_data();
    void tableRows();
    void moneyRules_data();
    void moneyRules();
    void sameStateRefused_data();
    void sameStateRefused();

    void finalStates_data();
    void finalStates();
    void finalStatesHaveNoExits_data();
    void finalStatesHaveNoExits();
    void everyStateReachable_data();
    void everyStateReachable();

    void stableValuesAndNames_data();
    void stableValuesAndNames();
    void namesUniquePerKind_data();
    void namesUniquePerKind();
    void otherNames();
    void orderStateFromName_data();
    void orderStateFromName();
};

void tst_StateMachine::everyPair_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<bool>("allowed");

    // Every pair, including one unknown value below and above the range.
    for (EntityKind kind : kKinds) {
        const QSet<Pair> expected = expectedTransitions(kind);
        const QByteArray kindName = paydesk::entityKindName(kind).toLatin1();
        for (int from = 0; from <= stateCount(kind) + 1; ++from)
            for (int to = 0; to <= stateCount(kind) + 1; ++to)
                QTest::addRow("%s_%s_to_%s", kindName.constData(), label(kind, from).constData(),
                              label(kind, to).constData())
                    << int(kind) << from << to << expected.contains({from, to});
    }
}

void tst_StateMachine::everyPair()
{
    QFETCH(int, kind);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(bool, allowed);

    const EntityKind k = EntityKind(kind);
    QCOMPARE(paydesk::isAllowedTransition(k, from, to), allowed);
    // Allowed iff listed in the published table.
    QCOMPARE(tableTransitions(k).contains({from, to}), allowed);
}

void tst_StateMachine::tableRows_data()
{
    QTest::addColumn<int>("kind");

    for (EntityKind kind : kKinds)
        QTest::newRow(paydesk::entityKindName(kind).toLatin1().constData()) << int(kind);
}

void tst_StateMachine::tableRows()
{
    QFETCH(int, kind);
    const EntityKind k = EntityKind(kind);

    int n = -1;
    const paydesk::TransitionRow* rows = paydesk::transitionTable(k, &n);
    QVERIFY(rows != nullptr);
    QCOMPARE(n, int(expectedTransitions(k).size()));
    QSet<Pair> seen;
    for (int i = 0; i < n; ++i) {
        const paydesk::TransitionRow& row = rows[i];
        QVERIFY2(!seen.contains({row.from, row.to}), "duplicate row");
        seen.insert({row.from, row.to});
        QVERIFY(row.from != row.to);
        QVERIFY(row.from >= 1 && row.from <= stateCount(k));
        QVERIFY(row.to >= 1 && row.to <= stateCount(k));
        // Each row says why, for ARCHITECTURE.md.
        QVERIFY(row.why != nullptr);
        QVERIFY(qstrlen(row.why) > 0);
    }
    QCOMPARE(seen, expectedTransitions(k));
}

void tst_StateMachine::moneyRules_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<bool>("allowed");

    const int pay = int(EntityKind::Payment);
    const int ord = int(EntityKind::Order);
    const int ref = int(EntityKind::Refund);
    const int rev = int(EntityKind::Revoke);

    // Money that was taken is never forgotten...
    QTest::newRow("payment_success_to_processing_refused")
        << pay << int(P::Success) << int(P::Processing) << false;
    QTest::newRow("payment_success_to_failed_refused")
        << pay << int(P::Success) << int(P::Failed) << false;
    QTest::newRow("payment_success_to_closed_refused")
        << pay << int(P::Success) << int(P::Closed) << false;
    QTest::newRow("payment_success_to_created_refused")
        << pay << int(P::Success) << int(P::Created) << false;
    // ...and money known not taken never appears.
    QTest::newRow("payment_failed_to_success_refused")
        << pay << int(P::Failed) << int(P::Success) << false;
    QTest::newRow("payment_closed_to_success_refused")
        << pay << int(P::Closed) << int(P::Success) << false;
    QTest::newRow("payment_reversed_to_success_refused")
        << pay << int(P::Reversed) << int(P::Success) << false;
    QTest::newRow("payment_failed_to_processing_refused")
        << pay << int(P::Failed) << int(P::Processing) << false;
    QTest::newRow("order_paid_to_pending_refused")
        << ord << int(O::Paid) << int(O::Pending) << false;
    QTest::newRow("order_paid_to_closed_refused") << ord << int(O::Paid) << int(O::Closed) << false;
    QTest::newRow("order_closed_to_paid_refused") << ord << int(O::Closed) << int(O::Paid) << false;
    QTest::newRow("order_refunded_to_paid_refused")
        << ord << int(O::Refunded) << int(O::Paid) << false;
    QTest::newRow("order_partially_refunded_to_paid_refused")
        << ord << int(O::PartiallyRefunded) << int(O::Paid) << false;
    QTest::newRow("order_refunded_to_partially_refunded_refused")
        << ord << int(O::Refunded) << int(O::PartiallyRefunded) << false;
    QTest::newRow("refund_success_to_failed_refused")
        << ref << int(R::Success) << int(R::Failed) << false;
    QTest::newRow("refund_failed_to_success_refused")
        << ref << int(R::Failed) << int(R::Success) << false;
    QTest::newRow("revoke_done_to_retrying_refused")
        << rev << int(V::Done) << int(V::Retrying) << false;
    // The paths money does take.
    QTest::newRow("payment_processing_to_success_allowed")
        << pay << int(P::Processing) << int(P::Success) << true;
    QTest::newRow("payment_success_to_reversed_allowed")
        << pay << int(P::Success) << int(P::Reversed) << true;
    QTest::newRow("order_pending_to_paid_allowed")
        << ord << int(O::Pending) << int(O::Paid) << true;
    QTest::newRow("order_attention_to_paid_allowed")
        << ord << int(O::Attention) << int(O::Paid) << true;
    QTest::newRow("order_paid_to_refunded_allowed")
        << ord << int(O::Paid) << int(O::Refunded) << true;
    QTest::newRow("revoke_manual_to_retrying_allowed")
        << rev << int(V::Manual) << int(V::Retrying) << true;
}

void tst_StateMachine::moneyRules()
{
    QFETCH(int, kind);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(bool, allowed);

    QCOMPARE(paydesk::isAllowedTransition(EntityKind(kind), from, to), allowed);
}

void tst_StateMachine::sameStateRefused_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("state");

    for (EntityKind kind : kKinds)
        for (int s = 1; s <= stateCount(kind); ++s)
            QTest::addRow("%s_%s", paydesk::entityKindName(kind).toLatin1().constData(),
                          label(kind, s).constData())
                << int(kind) << s;
}

void tst_StateMachine::sameStateRefused()
{
    QFETCH(int, kind);
    QFETCH(int, state);

    QVERIFY(!paydesk::isAllowedTransition(EntityKind(kind), state, state));
}

void tst_StateMachine::finalStates_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("final");

    const int ord = int(EntityKind::Order);
    const int pay = int(EntityKind::Payment);
    const int ref = int(EntityKind::Refund);
    const int rev = int(EntityKind::Revoke);

    QTest::newRow("order_PENDING") << ord << int(O::Pending) << false;
    QTest::newRow("order_PAID") << ord << int(O::Paid) << false;
    QTest::newRow("order_CLOSED") << ord << int(O::Closed) << true;
    QTest::newRow("order_ATTENTION") << ord << int(O::Attention) << false;
    QTest::newRow("order_PARTIALLY_REFUNDED") << ord << int(O::PartiallyRefunded) << false;
    QTest::newRow("order_REFUNDED") << ord << int(O::Refunded) << true;

    QTest::newRow("payment_CREATED") << pay << int(P::Created) << false;
    QTest::newRow("payment_PROCESSING") << pay << int(P::Processing) << false;
    QTest::newRow("payment_SUCCESS") << pay << int(P::Success) << true;
    QTest::newRow("payment_FAILED") << pay << int(P::Failed) << true;
    QTest::newRow("payment_CLOSED") << pay << int(P::Closed) << true;
    QTest::newRow("payment_REVERSED") << pay << int(P::Reversed) << true;

    QTest::newRow("refund_CREATED") << ref << int(R::Created) << false;
    QTest::newRow("refund_PROCESSING") << ref << int(R::Processing) << false;
    QTest::newRow("refund_SUCCESS") << ref << int(R::Success) << true;
    QTest::newRow("refund_FAILED") << ref << int(R::Failed) << true;

    QTest::newRow("revoke_REQUESTED") << rev << int(V::Requested) << false;
    QTest::newRow("revoke_RETRYING") << rev << int(V::Retrying) << false;
    QTest::newRow("revoke_DONE") << rev << int(V::Done) << true;
    QTest::newRow("revoke_MANUAL") << rev << int(V::Manual) << false;
}

void tst_StateMachine::finalStates()
{
    QFETCH(int, kind);
    QFETCH(int, state);
    QFETCH(bool, final);

    QCOMPARE(isFinalState(EntityKind(kind), state), final);
}

void tst_StateMachine::finalStatesHaveNoExits_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("state");

    for (EntityKind kind : kKinds)
        for (int s = 1; s <= stateCount(kind); ++s)
            QTest::addRow("%s_%s", paydesk::entityKindName(kind).toLatin1().constData(),
                          label(kind, s).constData())
                << int(kind) << s;
}

void tst_StateMachine::finalStatesHaveNoExits()
{
    QFETCH(int, kind);
    QFETCH(int, state);
    const EntityKind k = EntityKind(kind);

    QList<int> exits;
    for (int to = 1; to <= stateCount(k); ++to)
        if (paydesk::isAllowedTransition(k, state, to))
            exits.append(to);

    if (!isFinalState(k, state)) {
        // A non-final state with no way out would strand the money.
        QVERIFY2(!exits.isEmpty(), "non-final state without exits");
    } else if (k == EntityKind::Payment && state == int(P::Success)) {
        // The one exception: a paid duplicate or late payment is reversed.
        QCOMPARE(exits, QList<int>{int(P::Reversed)});
    } else {
        QVERIFY2(exits.isEmpty(), "final state with exits");
    }
}

void tst_StateMachine::everyStateReachable_data()
{
    QTest::addColumn<int>("kind");

    for (EntityKind kind : kKinds)
        QTest::newRow(paydesk::entityKindName(kind).toLatin1().constData()) << int(kind);
}

void tst_StateMachine::everyStateReachable()
{
    QFETCH(int, kind);
    const EntityKind k = EntityKind(kind);

    QSet<int> reached{initialState(k)};
    QList<int> queue{initialState(k)};
    while (!queue.isEmpty()) {
        const int from = queue.takeFirst();
        for (int to = 1; to <= stateCount(k); ++to)
            if (paydesk::isAllowedTransition(k, from, to) && !reached.contains(to)) {
                reached.insert(to);
                queue.append(to);
            }
    }
    QCOMPARE(int(reached.size()), stateCount(k));
    // Nothing leads back to the initial state.
    for (int from = 1; from <= stateCount(k); ++from)
        QVERIFY(!paydesk::isAllowedTransition(k, from, initialState(k)));
}

void tst_StateMachine::stableValuesAndNames_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("enumValue");
    QTest::addColumn<int>("storedValue");
    QTest::addColumn<QString>("name");

    const int ord = int(EntityKind::Order);
    const int pay = int(EntityKind::Payment);
    const int ref = int(EntityKind::Refund);
    const int rev = int(EntityKind::Revoke);

    QTest::newRow("order_pending") << ord << int(O::Pending) << 1 << QStringLiteral("PENDING");
    QTest::newRow("order_paid") << ord << int(O::Paid) << 2 << QStringLiteral("PAID");
    QTest::newRow("order_closed") << ord << int(O::Closed) << 3 << QStringLiteral("CLOSED");
    QTest::newRow("order_attention")
        << ord << int(O::Attention) << 4 << QStringLiteral("ATTENTION");
    QTest::newRow("order_partially_refunded")
        << ord << int(O::PartiallyRefunded) << 5 << QStringLiteral("PARTIALLY_REFUNDED");
    QTest::newRow("order_refunded") << ord << int(O::Refunded) << 6 << QStringLiteral("REFUNDED");

    QTest::newRow("payment_created") << pay << int(P::Created) << 1 << QStringLiteral("CREATED");
    QTest::newRow("payment_processing")
        << pay << int(P::Processing) << 2 << QStringLiteral("PROCESSING");
    QTest::newRow("payment_success") << pay << int(P::Success) << 3 << QStringLiteral("SUCCESS");
    QTest::newRow("payment_failed") << pay << int(P::Failed) << 4 << QStringLiteral("FAILED");
    QTest::newRow("payment_closed") << pay << int(P::Closed) << 5 << QStringLiteral("CLOSED");
    QTest::newRow("payment_reversed") << pay << int(P::Reversed) << 6 << QStringLiteral("REVERSED");

    QTest::newRow("refund_created") << ref << int(R::Created) << 1 << QStringLiteral("CREATED");
    QTest::newRow("refund_processing")
        << ref << int(R::Processing) << 2 << QStringLiteral("PROCESSING");
    QTest::newRow("refund_success") << ref << int(R::Success) << 3 << QStringLiteral("SUCCESS");
    QTest::newRow("refund_failed") << ref << int(R::Failed) << 4 << QStringLiteral("FAILED");

    QTest::newRow("revoke_requested")
        << rev << int(V::Requested) << 1 << QStringLiteral("REQUESTED");
    QTest::newRow("revoke_retrying") << rev << int(V::Retrying) << 2 << QStringLiteral("RETRYING");
    QTest::newRow("revoke_done") << rev << int(V::Done) << 3 << QStringLiteral("DONE");
    QTest::newRow("revoke_manual") << rev << int(V::Manual) << 4 << QStringLiteral("MANUAL");
}

void tst_StateMachine::stableValuesAndNames()
{
    QFETCH(int, kind);
    QFETCH(int, enumValue);
    QFETCH(int, storedValue);
    QFETCH(QString, name);

    // Stored in the database and sent over the API: values and names are fixed.
    QCOMPARE(enumValue, storedValue);
    const EntityKind k = EntityKind(kind);
    QCOMPARE(paydesk::stateName(k, storedValue), name);
    switch (k) {
    case EntityKind::Order:
        QCOMPARE(paydesk::orderStateName(O(storedValue)), name);
        break;
    case EntityKind::Payment:
        QCOMPARE(paydesk::paymentStateName(P(storedValue)), name);
        break;
    case EntityKind::Refund:
        QCOMPARE(paydesk::refundStateName(R(storedValue)), name);
        break;
    case EntityKind::Revoke:
        QCOMPARE(paydesk::revokeStateName(V(storedValue)), name);
        break;
    }
}

void tst_StateMachine::namesUniquePerKind_data()
{
    QTest::addColumn<int>("kind");

    for (EntityKind kind : kKinds)
        QTest::newRow(paydesk::entityKindName(kind).toLatin1().constData()) << int(kind);
}

void tst_StateMachine::namesUniquePerKind()
{
    QFETCH(int, kind);
    const EntityKind k = EntityKind(kind);

    QSet<QString> names;
    for (int s = 1; s <= stateCount(k); ++s) {
        const QString name = paydesk::stateName(k, s);
        QVERIFY(!name.isEmpty());
        QVERIFY2(name != QLatin1String("?"), qPrintable(QString::number(s)));
        QCOMPARE(name, name.toUpper());
        names.insert(name);
    }
    QCOMPARE(int(names.size()), stateCount(k));
    // Values outside the enum have no name.
    QCOMPARE(paydesk::stateName(k, 0), QStringLiteral("?"));
    QCOMPARE(paydesk::stateName(k, stateCount(k) + 1), QStringLiteral("?"));
}

void tst_StateMachine::otherNames()
{
    QCOMPARE(int(paydesk::TradeStatus::Success), 1);
    QCOMPARE(int(paydesk::TradeStatus::Failed), 2);
    QCOMPARE(int(paydesk::TradeStatus::Processing), 3);
    QCOMPARE(int(paydesk::TradeStatus::Unknown), 4);
    QCOMPARE(paydesk::tradeStatusName(paydesk::TradeStatus::Success), QStringLiteral("SUCCESS"));
    QCOMPARE(paydesk::tradeStatusName(paydesk::TradeStatus::Failed), QStringLiteral("FAILED"));
    QCOMPARE(paydesk::tradeStatusName(paydesk::TradeStatus::Processing),
             QStringLiteral("PROCESSING"));
    QCOMPARE(paydesk::tradeStatusName(paydesk::TradeStatus::Unknown), QStringLiteral("UNKNOWN"));

    QCOMPARE(int(EntityKind::Order), 1);
    QCOMPARE(int(EntityKind::Payment), 2);
    QCOMPARE(int(EntityKind::Refund), 3);
    QCOMPARE(int(EntityKind::Revoke), 4);
    QCOMPARE(paydesk::entityKindName(EntityKind::Order), QStringLiteral("order"));
    QCOMPARE(paydesk::entityKindName(EntityKind::Payment), QStringLiteral("payment"));
    QCOMPARE(paydesk::entityKindName(EntityKind::Refund), QStringLiteral("refund"));
    QCOMPARE(paydesk::entityKindName(EntityKind::Revoke), QStringLiteral("revoke"));
}

void tst_StateMachine::orderStateFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("state");

    for (int s = 1; s <= 6; ++s)
        QTest::addRow("round_trip_%s", label(EntityKind::Order, s).constData())
            << paydesk::orderStateName(O(s)) << s;
    QTest::newRow("lower_case") << QStringLiteral("paid") << int(O::Paid);
    QTest::newRow("mixed_case_spaces")
        << QStringLiteral(" Partially_Refunded ") << int(O::PartiallyRefunded);
    QTest::newRow("unknown") << QStringLiteral("SETTLED") << 0;
    QTest::newRow("payment_state_name") << QStringLiteral("SUCCESS") << 0;
    QTest::newRow("question_mark") << QStringLiteral("?") << 0;
    QTest::newRow("number") << QStringLiteral("2") << 0;
    QTest::newRow("empty") << QString() << 0;
}

void tst_StateMachine::orderStateFromName()
{
    QFETCH(QString, name);
    QFETCH(int, state);

    QCOMPARE(paydesk::orderStateFromName(name), state);
    if (state != 0)
        QCOMPARE(paydesk::orderStateName(O(state)), name.trimmed().toUpper());
}

QTEST_GUILESS_MAIN(tst_StateMachine)
#include "tst_statemachine.moc"
