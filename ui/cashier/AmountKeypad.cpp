#include "cashier/AmountKeypad.h"

#include "common/RelativeFont.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>

namespace paydesk::ui {

AmountKeypad::AmountKeypad(QLineEdit* target, QWidget* parent) : QWidget(parent), m_target(target)
{
    setObjectName(QStringLiteral("amountKeypad"));
    static const char* const keys[5][3] = {{"7", "8", "9"},
                                           {"4", "5", "6"},
                                           {"1", "2", "3"},
                                           {"0", "00", "."},
                                           {"\u232b", "C", nullptr}};
    auto* grid = new QGridLayout(this);
    grid->setSpacing(6);
    for (int r = 0; r < 5; ++r) {
        for (int c = 0; c < 3; ++c) {
            if (!keys[r][c])
                continue;
            const QString key = QString::fromUtf8(keys[r][c]);
            auto* b = new QPushButton(key, this);
            b->setObjectName(QStringLiteral("key_") + QString::number(r) + QString::number(c));
            b->setFocusPolicy(Qt::NoFocus);
            b->setMinimumSize(72, 56);
            setRelativeFont(b, 1.6);
            connect(b, &QPushButton::clicked, this, [this, key] { press(key); });
            grid->addWidget(b, r, c);
        }
    }
}

void AmountKeypad::press(const QString& key)
{
    if (key == QLatin1String("C")) {
        Q_EMIT clearRequested();
        return;
    }
    if (key == QStringLiteral("\u232b")) {
        m_target->backspace();
        return;
    }
    m_target->insert(key); // the field's validator keeps the text well-formed
}

} // namespace paydesk::ui
