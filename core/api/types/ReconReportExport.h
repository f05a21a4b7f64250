#pragma once

#include "api/types/Reconciliation.h"

#include <QByteArray>
#include <QStringList>

// A reconciliation run's report as files staff keep: the core writes them
// when a run asks, front ends when a person exports a run shown.
namespace paydesk {

// UTF-8 CSV with a header row; amounts in yuan with two decimals.
QByteArray reconReportCsv(const ReconReport& r);

// A one-page PDF (PDF 1.4, Helvetica, A4) of the same rows. Written by hand
// so the headless core needs no Qt Gui; labels are ASCII for that reason.
QByteArray reconReportPdf(const ReconReport& r);

} // namespace paydesk
