#pragma once

#include "common/Clock.h"

#include <functional>
#include <map>
#include <memory>

namespace paydesk::sim {

// Things due later in simulated time: late channel answers, delayed
// notifications. Each belongs to one core process (its `owner` token); when
// that process dies, what it was still waiting for never arrives.
class SimPostbox
{
public:
    explicit SimPostbox(const Clock& clock) : m_clock(clock) {}

    void post(qint64 delayMs, std::weak_ptr<void> owner, std::function<void()> deliver)
    {
        m_items.emplace(Key{m_clock.nowMs() + delayMs, ++m_serial},
                        Item{std::move(owner), std::move(deliver)});
    }
    // Delivers, in due order, everything due by now. Returns how many ran.
    int deliverDue()
    {
        int ran = 0;
        while (!m_items.empty() && m_items.begin()->first.dueMs <= m_clock.nowMs()) {
            Item item = std::move(m_items.begin()->second);
            m_items.erase(m_items.begin());
            if (!item.owner.expired()) {
                item.deliver();
                ++ran;
            }
        }
        return ran;
    }
    bool hasLiveItems() const
    {
        for (const auto& [key, item] : m_items)
            if (!item.owner.expired())
                return true;
        return false;
    }

private:
    struct Key
    {
        qint64 dueMs;
        quint64 serial;
        bool operator<(const Key& o) const
        {
            return dueMs != o.dueMs ? dueMs < o.dueMs : serial < o.serial;
        }
    };
    struct Item
    {
        std::weak_ptr<void> owner;
        std::function<void()> deliver;
    };
    const Clock& m_clock;
    std::map<Key, Item> m_items;
    quint64 m_serial = 0;
};

} // namespace paydesk::sim
