"use client";

import { useEffect, useRef, useState } from "react";
import { formatOffset } from "@/lib/materials/offset";
import type { PublicRecording } from "@/lib/materials/public";
import { embedUrl } from "@/lib/materials/recording";

export type RecordingLabels = {
  /** "Play the recording on Bilibili" */
  play: string;
  /** "… from {time}": with `{time}` left in, filled here. */
  playFrom: string;
  /** What loading a third-party player means (its scripts and cookies). */
  notice: string;
  /** The player's accessible name. */
  title: string;
};

/** `#t=754` in the address: the moment a quote card linked to. */
function momentInHash(): number | null {
  const match = /^#t=(\d{1,6})$/.exec(window.location.hash);
  return match ? Number(match[1]) : null;
}

/**
 * A recording that loads nothing until the visitor asks: a third-party player (its scripts, its
 * cookies) only after the click, naming the host first; a file of ours with no preload.
 */
export function RecordingPlayer({
  recording,
  labels,
}: {
  recording: PublicRecording;
  labels: RecordingLabels;
}) {
  const [start, setStart] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    const follow = () => {
      const at = momentInHash();
      setStart(at);
      // Our own file seeks at once; a loaded player is reloaded at the moment (below).
      if (at !== null && video.current) {
        video.current.currentTime = at;
        void video.current.play().catch(() => {});
      }
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);

  if (recording.kind === "file") {
    return (
      <video
        ref={video}
        controls
        preload="none"
        src={recording.url}
        aria-label={labels.title}
        className="mt-3 aspect-video w-full rounded-lg bg-black"
      >
        <a href={recording.url}>{labels.title}</a>
      </video>
    );
  }

  if (loaded) {
    return (
      <iframe
        key={start ?? 0}
        src={embedUrl(recording, start ?? 0)}
        title={labels.title}
        allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
        className="mt-3 aspect-video w-full rounded-lg border-0 bg-black"
      />
    );
  }

  return (
    <div className="mt-3 flex aspect-video w-full flex-col items-center justify-center gap-3 rounded-lg bg-slate-900 p-6 text-center text-white">
      <button
        type="button"
        onClick={() => setLoaded(true)}
        className="rounded-full bg-white px-5 py-3 font-semibold text-slate-900 hover:bg-slate-100"
      >
        <span aria-hidden="true">▶ </span>
        {start !== null
          ? `${labels.play} ${labels.playFrom.replace("{time}", formatOffset(start))}`
          : labels.play}
      </button>
      <p className="max-w-md text-sm text-slate-200">{labels.notice}</p>
    </div>
  );
}
