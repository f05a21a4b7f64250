#pragma once

#include "Symbol.h"

#include <QImage>
#include <QList>
#include <QString>

namespace paydesk::scanset {

// What makes a scene hard for a payment-code reader at a counter.
enum class Condition
{
    Counter,              // the phone among receipts, boxes and printed text
    ThinModules,          // the phone held far: QR modules ~2 px, bars ~1 px
    DarkMode,             // the phone in dark mode: light code on a dark screen
    Rotated,              // the phone turned (a barcode upright or upside down)
    Glare,                // a lamp reflected on the screen, across the code
    ProductBarcodeBeside, // an EAN-13 product barcode next to the phone
    MerchantSticker,      // the shop's own QR sticker in view too
    NoPaymentCode         // only a product EAN-13 or a carton ITF: nothing to pay with
};

QString conditionName(Condition c); // "counter", "thinModules", ...
QList<Condition> allConditions();

// One scene of the set: what is in view and the payment code the phone shows.
struct Scene
{
    Condition condition = Condition::Counter;
    Symbology symbology = Symbology::QrCode; // the payment code's; the decoy's when there is none
    int index = 0;                           // among the scenes of its condition and symbology
    quint32 seed = 0;                        // everything random in the scene comes from it
    QString paymentCode;                     // empty when the scene holds none

    QString name() const; // "darkMode-Code128-3"
};

// The set: every condition with each symbology it applies to (QR and Code 128;
// EAN-13 and ITF for NoPaymentCode), `scenesPerCase` scenes each.
QList<Scene> scanSet(quint32 seed, int scenesPerCase);

// What the camera sees, before sensor noise: 1280x720, 8-bit grey (the luma
// plane), the lens's blur included. Same scene, same pixels.
QImage drawScene(const Scene& scene);

// One camera frame of a still scene: its own sensor noise and exposure, so
// consecutive frames of a held phone differ as a camera's do.
QImage cameraFrame(const QImage& sceneGrey, quint32 frameSeed);

} // namespace paydesk::scanset
