#pragma once

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;

namespace paydesk::ui {

struct CoreSession;

// Who makes a back-office step. Once people log in, the core takes the
// session's person and this field hides; while nobody logs in here, the
// person types their name, so maker-checker still compares two people.
class ActorField : public QWidget
{
    Q_OBJECT
public:
    explicit ActorField(CoreSession& core, QWidget* parent = nullptr);

    // '' once people log in; the typed name otherwise; nullopt (after
    // saying so through `show`) when no name is typed.
    std::optional<QString> actor(const std::function<void(const QString&)>& show = {}) const;
    // Shows or hides the field as logins are on or off now.
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    bool loginsOn() const;
    void retranslate();

    CoreSession& m_core;
    QLabel* m_label;
    QLineEdit* m_name;
};

} // namespace paydesk::ui
