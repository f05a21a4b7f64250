#pragma once

#include <QtGlobal>

#include <cstring>
#include <type_traits>

namespace paydesk {

// Memory for a large array that is about to be filled at once, mapped with
// its pages already present. Touching fresh memory page by page costs a
// fault per 4 KiB, and on virtual machines a fault is dear: on the
// reference machine, 256 MiB touched page by page took 0.7 s, mapped
// populated 0.05 s. Linux: mmap(MAP_POPULATE); elsewhere plain malloc.
// Zero-filled. Returns null when there is no memory.
void* bulkAllocate(size_t bytes);
void bulkFree(void* p, size_t bytes);

// A growable array of plain values in such memory; for the few big arrays
// of a bulk job (the reconciliation join), not for general use.
template <typename T> class BulkArray
{
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

public:
    BulkArray() = default;
    BulkArray(const BulkArray&) = delete;
    BulkArray& operator=(const BulkArray&) = delete;
    ~BulkArray() { bulkFree(m_data, m_capacity * sizeof(T)); }

    // Keeps the contents. New room is zero-filled.
    void reserve(size_t n)
    {
        if (n <= m_capacity)
            return;
        T* p = static_cast<T*>(bulkAllocate(n * sizeof(T)));
        Q_CHECK_PTR(p);
        if (m_size)
            std::memcpy(static_cast<void*>(p), m_data, m_size * sizeof(T));
        bulkFree(m_data, m_capacity * sizeof(T));
        m_data = p;
        m_capacity = n;
    }
    // Every element zero, `n` of them.
    void assignZero(size_t n)
    {
        bulkFree(m_data, m_capacity * sizeof(T));
        m_data = nullptr;
        m_capacity = m_size = 0;
        reserve(n);
        m_size = n;
    }
    void append(const T* values, size_t n)
    {
        if (m_size + n > m_capacity)
            reserve(qMax(m_capacity * 2, m_size + n));
        std::memcpy(static_cast<void*>(m_data + m_size), values, n * sizeof(T));
        m_size += n;
    }
    void push_back(const T& v) { append(&v, 1); }

    T* data() { return m_data; }
    const T* data() const { return m_data; }
    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    T& operator[](size_t i) { return m_data[i]; }
    const T& operator[](size_t i) const { return m_data[i]; }
    T& back() { return m_data[m_size - 1]; }
    T* begin() { return m_data; }
    T* end() { return m_data + m_size; }
    const T* begin() const { return m_data; }
    const T* end() const { return m_data + m_size; }

private:
    T* m_data = nullptr;
    size_t m_size = 0;
    size_t m_capacity = 0;
};

} // namespace paydesk
