#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Reconciliation's facade types: differences, their states and filters, and
// a run's report, as front ends read them. Reconciliation works on these
// same types.
namespace paydesk {

// What kind of difference reconciliation found. Stable values: stored and
// shown over the CLI.
enum class DiffKind : int
{
    MissingLocally = 1,   // the channel billed it; we have no such money movement
    MissingAtChannel = 2, // we moved money the channel did not bill
    AmountMismatch = 3,
    StatusMismatch = 4, // e.g. ours PROCESSING or FAILED, theirs SUCCESS
    FeeMismatch = 5,
    FundLong = 6,  // the channel settled more than the ledger expects
    FundShort = 7, // the channel settled less than the ledger expects
};

enum class DiffState : int
{
    Open = 1,             // needs a person
    PendingNextDay = 2,   // near the day cut-off: waits for the next day's bill
    AutoResolved = 3,     // the next day's bill matched it
    Resolved = 4,         // a person explained it (reason recorded)
    WriteOffProposed = 5, // maker: proposed to write off; a checker must approve
    WrittenOff = 6,       // approved by a second person
    RecoveryProposed = 7, // maker: proposed to complete our side from the bill
    Recovered = 8,        // approved and applied (order completed or created)
};

QString diffKindName(DiffKind k);   // "missing_locally", ...
QString diffStateName(DiffState s); // "open", ...
bool parseDiffState(const QString& text, DiffState* out);

// Which movement a bill line or one of our clearing items is. Payments and
// revokes are known by the merchant payment number, refunds by the merchant
// refund number.
enum class ItemKind : int
{
    Payment = 1,
    Refund = 2,
    Revoke = 3
};
QString itemKindName(ItemKind k);

struct ReconDifference
{
    qint64 id = 0;
    QString channel;
    QString merchant;   // the channel-side merchant (mch_id / Alipay account)
    QDate businessDate; // the bill's day
    DiffKind kind = DiffKind::MissingLocally;
    DiffState state = DiffState::Open;
    ItemKind item = ItemKind::Payment;
    QString itemNo;       // payment no (payments, revokes) or refund no
    QString orderNo;      // ours, when known
    QString tradeNo;      // the channel's
    qint64 oursFen = 0;   // amount on our side (0 when missing)
    qint64 theirsFen = 0; // amount on the bill (0 when missing)
    qint64 oursFeeFen = 0;
    qint64 theirsFeeFen = 0;
    QString oursState;
    QString theirsState;
    qint64 lineAtMs = 0;       // when the movement happened (either side)
    bool heldFromBill = false; // pending next day: the bill's line waits (else ours)
    QString owner;             // who works it ('' = the accounting team)
    QString note;              // the reason given when resolved / proposed
    QString proposedBy;
    QString decidedBy;
    QString entryKey; // a ledger entry this difference caused or settled
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

// What completing our side of a recovered payment did.
struct RecoveryOutcome
{
    bool ok = false;
    QString orderNo; // the order completed or created
    QString message; // what happened, or why not
};

struct ReconSideTotals
{
    qint64 payments = 0;
    qint64 paidFen = 0;
    qint64 refunds = 0;     // refunds and revokes
    qint64 refundedFen = 0; // positive
    qint64 feeFen = 0;
    qint64 netFen() const { return paidFen - refundedFen; }
};

struct ReconKindTotals
{
    qint64 count = 0;
    qint64 sumFen = 0; // |ours − theirs| for mismatches, the amount for missing ones
};

// One run over one channel bill for one day.
struct ReconReport
{
    QString channel;
    QString merchant;
    QDate businessDate;
    // The bill's identity: the SHA-256 of its content (BillParseResult::
    // contentSha256, not of the file); runs from before that kept the
    // file's own SHA-256, which still counts as the same bill.
    QString billSha256;
    QString rawPath; // where the imported bill is kept
    ReconSideTotals ours;
    ReconSideTotals theirs;
    qint64 matched = 0;
    qint64 pendingNextDay = 0;       // held by this run
    qint64 resolvedFromPrevious = 0; // earlier held items this bill matched
    ReconKindTotals byKind[8];       // indexed by DiffKind
    qint64 fundDifferenceFen = 0;    // + long, − short
    QString fundEntryKey;            // the channel settlement entry
    QString runBy;
    qint64 atMs = 0;
    qint64 elapsedMs = 0;
};

// Which differences to list.
struct DiffFilter
{
    QString channel;    // '' = all
    QDate businessDate; // null = all
    std::optional<DiffState> state;
    bool needsAction = false; // only open / proposed ones
    int limit = 500;
};

// The run report as rows of (label, ours, bill) text: what the CLI prints
// and the one source of both exports.
QList<QStringList> reconReportRows(const ReconReport& r);

} // namespace paydesk
