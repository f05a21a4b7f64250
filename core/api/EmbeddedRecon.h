#pragma once

#include "api/ReconApi.h"

#include <functional>

namespace paydesk {

class BackOffice;
class Channel;
class Reconciler;

// Reconciliation of the core in this process.
class EmbeddedRecon final : public ReconApi
{
public:
    // Where a channel's bills come from: the adapter that downloads them,
    // their format and the merchant they must carry; null channel when the
    // name is not a configured channel.
    struct BillSource
    {
        Channel* channel = nullptr;
        bool alipayFormat = false;
        QString merchant;
    };
    using BillSources = std::function<BillSource(const QString& channel)>;

    EmbeddedRecon(Reconciler& reconciler, BackOffice& backOffice, BillSources sources)
        : m_recon(reconciler), m_bo(backOffice), m_sources(std::move(sources))
    {}

    void reconcile(const ReconcileRequest& request, Reply<ReconcileResult> reply) override;
    void differences(const DiffFilter& filter, Reply<QList<ReconDifference>> reply) override;
    void difference(qint64 id, Reply<std::optional<ReconDifference>> reply) override;
    void resolveDifference(qint64 id, const QString& by, const QString& reason,
                           OutcomeReply reply) override;
    void proposeWriteOff(qint64 id, const QString& by, const QString& reason,
                         OutcomeReply reply) override;
    void proposeRecovery(qint64 id, const QString& by, const QString& reason,
                         OutcomeReply reply) override;
    void decideDifference(qint64 id, const QString& by, bool approve, OutcomeReply reply) override;
    void assignDifference(qint64 id, const QString& owner, const QString& by,
                          OutcomeReply reply) override;

private:
    struct Run;
    void run(const Run& run, Reply<ReconcileResult> reply);
    BackOfficeOutcome durable(BackOfficeOutcome o);

    Reconciler& m_recon;
    BackOffice& m_bo;
    BillSources m_sources;
};

} // namespace paydesk
