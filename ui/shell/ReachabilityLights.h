#pragma once

#include "api/PayDeskApi.h"

#include <QWidget>

class QHBoxLayout;

namespace paydesk::ui {

// A light per wallet for the status bar: green when its channel answered the
// last call, red when the last call got no answer, grey before any call. Fed
// by the core's own calls (PayDeskApi::reachability), so it costs no traffic.
class ReachabilityLights : public QWidget
{
    Q_OBJECT
public:
    explicit ReachabilityLights(PayDeskApi& api, QWidget* parent = nullptr);

    // Words again (the language changed).
    void refresh();

private:
    PayDeskApi& m_api;
    QHBoxLayout* m_layout;
};

} // namespace paydesk::ui
