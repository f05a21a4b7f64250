#pragma once

#include "recon/BillKeeper.h"
#include "recon/BillLine.h"
#include "recon/BillParsers.h"
#include "recon/JoinTable.h"
#include "recon/ReconClassify.h"
#include "recon/Reconciler.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPair>

#include <optional>
#include <thread>

namespace paydesk {

// One reconciliation of one bill, as named steps over the state they
// share. Reconciler::reconcile() runs them in this order and stops at the
// first that answers:
//
//   checkInput          the request makes sense (pure)
//   startKeepingBill    copy + SHA-256 of the bill, on a thread beside loading
//   lockForWrite        the write lock: two runs of one day cannot both post
//   loadOurSide         the day's cleared movements, and what earlier runs held
//   decideNoBillDay     a channel without a bill: nothing to do, or not yet
//   takeKeptBill        the kept copy; the very file again is a repeat
//   matchBill           stream the bill against our side
//   acceptBill          refuse a bad, repeated, foreign or misdated bill
//   matchHeldBillLines  earlier days' bill-only lines against our day
//   classifyLeftovers   what one side lacks becomes a difference
//   settleHeldItems     earlier held items and fund differences: resolved or open
//   postFundFlow        the channel's settlement into the ledger, the gap into suspense
//   store               differences, held updates and the run, in one transaction
//   tellTimelines       each order's timeline, and alerts for what is open
//
// A step's answer ends the run with that outcome; the caller's transaction
// then keeps nothing a failed run wrote.
class ReconRun
{
public:
    using Step = std::optional<BackOfficeOutcome>; // nullopt: go on

    ReconRun(Database& db, Clock& clock, Ledger& ledger, const ReconConfig& config,
             ReconStore& store, const BillInput& in);
    ~ReconRun(); // waits for the bill keeper
    ReconRun(const ReconRun&) = delete;
    ReconRun& operator=(const ReconRun&) = delete;

    // How a bill line we lack is told from one we hold in another state.
    void setLocalRecords(LocalRecords records) { m_localRecords = std::move(records); }

    static Step checkInput(const BillInput& in);
    void startKeepingBill();
    Step lockForWrite();
    Step loadOurSide();
    Step decideNoBillDay();
    Step takeKeptBill();
    void matchBill();
    Step acceptBill();
    void matchHeldBillLines();
    void classifyLeftovers();
    void settleHeldItems();
    Step postFundFlow();
    Step store();
    void tellTimelines(const Reconciler::TimelineSink& tell) const;
    // The run's summary once stored.
    BackOfficeOutcome outcome() const;

    // "<channel>:<day>": the number every outcome and message carries.
    const QString& number() const { return m_number; }
    // What the caller gets back: this run's report, or the earlier run's
    // when repeated; nothing when the run failed.
    const std::optional<ReconReport>& answer() const { return m_answer; }
    const ReconReport& report() const { return m_report; }
    // New differences, and earlier held ones this run decided (stored).
    const QList<ReconDifference>& found() const { return m_found; }
    const QList<ReconDifference>& settled() const { return m_settled; }
    // Earlier held differences (by id) and what this run made of them.
    const QHash<qint64, DiffState>& heldOutcome() const { return m_heldOutcome; }
    const QList<BillLine>& billLeftovers() const { return m_billLeftovers; }
    qint64 pendingFen() const { return m_pendingFen; }
    qint64 explainedFen() const { return m_explainedFen; }
    const JoinTable& ours() const { return m_ours; }

private:
    ReconDifference newDiff(DiffKind kind, ItemKind item, const QString& itemNo) const;
    QString orderOf(const JoinTable::Item& it) const;
    // Joins one bill line (or a held one, heldBillId) with our side: our
    // item, now matched, or null when we lack it.
    JoinTable::Item* probe(ItemKind item, QStringView itemNo, qint64 fen, qint64 heldBillId);
    // A bill line (or a held one) as matching needs it; views into it.
    struct MatchedLine
    {
        const QString* itemNo;
        const QString* tradeNo;
        qint64 fen;
        qint64 feeFen;
        QStringView state;
        qint64 atMs;
        bool askRevoked; // a line of today's bill: a revoked payment is a difference
    };
    // The differences a matched movement makes (amount, fee, a revoke we lack).
    void addMatched(const JoinTable::Item& it, const MatchedLine& l);
    bool onLine(const BillLine& l);
    bool weReversed(const QString& paymentNo);
    void addBillOnly(const BillLine& l);
    void addOursOnly(const JoinTable::Item& it);
    void addFundDifference(const FundVerdict& v);
    BackOfficeOutcome repeated(const QString& merchant);
    BackOfficeOutcome refuse(const QString& why);
    BackOfficeOutcome writeFailed() const;
    static void count(ReconSideTotals& side, ItemKind kind, qint64 amountFen, qint64 feeFen);
    QString dayText() const;

    Database& m_db;
    Clock& m_clock;
    Ledger& m_ledger;
    const ReconConfig& m_config;
    ReconStore& m_store;
    const BillInput& m_in;
    const QString m_number;
    const DayCut m_cut;
    const qint64 m_dayStartMs;
    QElapsedTimer m_timer;

    ReconReport m_report;
    std::optional<ReconReport> m_answer;
    JoinTable m_ours;
    // Earlier runs' held differences: all by id, and the bill-only lines and
    // fund differences among them (held items of ours went into m_ours).
    QHash<qint64, ReconDifference> m_held;
    QList<ReconDifference> m_heldBill;
    QList<ReconDifference> m_heldFund;
    QList<size_t> m_heldItems;                    // positions in m_ours of the held items of ours
    QList<QPair<QString, QString>> m_earlierRuns; // (merchant, bill sha256)
    BillParseResult m_parsed;
    qint64 m_linesOnDay = 0;
    QList<BillLine> m_billLeftovers; // bill lines we lack: few, kept in memory
    QList<ReconDifference> m_found;
    QList<ReconDifference> m_settled;
    QHash<qint64, DiffState> m_heldOutcome;
    qint64 m_pendingFen = 0;   // fund difference this run's pending items explain
    qint64 m_explainedFen = 0; // ... and earlier held items matched today

    // Last: destroyed (joined) first, while what it writes still exists.
    KeptBill m_kept;
    std::jthread m_keeper;
    LocalRecords m_localRecords;
};

} // namespace paydesk
