"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { createDecoder } from "./qr-decoder";

type State = "idle" | "starting" | "scanning" | "unavailable" | "denied";

const FRAME_MS = 150;
// The same ticket held in front of the camera is one scan, not one every frame.
const REPEAT_MS = 4_000;

/** Scans ticket QR codes with the phone's camera, once staff ask for it (the browser asks first). */
export function CameraScanner({ onScan }: { onScan: (text: string) => void }) {
  const t = useTranslations("checkin.camera");
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<State>("idle");
  const stop = useRef<() => void>(() => {});
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);
  useEffect(() => () => stop.current(), []);

  async function start() {
    if (!navigator.mediaDevices?.getUserMedia) return setState("unavailable");
    setState("starting");
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (error) {
      const name = (error as { name?: string } | null)?.name;
      return setState(name === "NotAllowedError" || name === "SecurityError" ? "denied" : "unavailable");
    }
    const element = video.current!;
    element.srcObject = stream;
    await element.play().catch(() => {});
    const decode = await createDecoder();
    let running = true;
    let last = { text: "", at: 0 };
    stop.current = () => {
      running = false;
      stream.getTracks().forEach((track) => track.stop());
      element.srcObject = null;
    };
    setState("scanning");
    const tick = async () => {
      if (!running) return;
      const text = await decode(element).catch(() => null);
      if (text && (text !== last.text || Date.now() - last.at > REPEAT_MS)) {
        last = { text, at: Date.now() };
        navigator.vibrate?.(80);
        latest.current(text);
      }
      if (running) setTimeout(tick, FRAME_MS);
    };
    void tick();
  }

  const scanning = state === "scanning" || state === "starting";
  return (
    <section className="space-y-2">
      <video ref={video} muted playsInline aria-label={t("videoLabel")} className={scanning ? "w-full rounded-xl bg-black" : "hidden"} />
      {scanning ? (
        <button
          type="button"
          onClick={() => {
            stop.current();
            setState("idle");
          }}
          className="w-full rounded-xl border-2 border-brand-700 bg-white px-4 py-3 text-lg font-semibold text-brand-700"
        >
          {t("stop")}
        </button>
      ) : (
        <button type="button" onClick={start} className="w-full rounded-xl bg-brand-700 px-4 py-3 text-lg font-semibold text-white">
          {t("start")}
        </button>
      )}
      {state !== "idle" && (
        <p role={state === "denied" || state === "unavailable" ? "alert" : undefined} className="text-slate-700">
          {t(state)}
        </p>
      )}
    </section>
  );
}
