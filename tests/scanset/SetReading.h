#pragma once

#include "Scene.h"

#include <QList>
#include <QString>

#include <vector>

namespace paydesk::scanset {

// How one reader did on one scene.
struct ReaderOutcome
{
    bool read = false;  // offered the scene's payment code
    bool wrong = false; // offered some other text as a payment code
    std::vector<double> msPerFrame;
};

struct SceneOutcome
{
    Scene scene;
    ReaderOutcome camera;  // FrameDecoder on framesPerScene consecutive frames
    ReaderOutcome scanCli; // paydesk-scan's CodeDecoder on the first frame
    ReaderOutcome
        baseline; // ZXing::ReadBarcode with default hints on the same frames as the camera
};

// Reads each scene three ways: the camera path (the frames a held phone
// gives it: one cycle of its passes), paydesk-scan (all passes on one still
// frame), and plain ZXing with its defaults, taken the way an app without
// the decoder would: its one result, if shaped like a payment code, is the
// customer's code.
class SetReader
{
public:
    SetReader();

    int framesPerScene() const { return m_framesPerScene; }
    SceneOutcome read(const Scene& scene) const;

private:
    int m_framesPerScene = 1;
};

} // namespace paydesk::scanset
