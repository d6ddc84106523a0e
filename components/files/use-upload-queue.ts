"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { UploadPurpose } from "@/lib/files/purposes";
import type { UploadSettings } from "@/lib/files/upload";
import type { UploadFileOut } from "@/lib/mistral/types";
import { uploadStore } from "./upload-store";

/** The tab's upload list, and this Uploader's way to add to it. */
export function useUploadQueue(onUploaded?: (file: UploadFileOut) => void) {
  const items = useSyncExternalStore(
    uploadStore.subscribe,
    uploadStore.getSnapshot,
    uploadStore.getServerSnapshot,
  );
  const qc = useQueryClient();
  useEffect(() => uploadStore.setQueryClient(qc), [qc]);

  const onUploadedRef = useRef(onUploaded);
  useEffect(() => {
    onUploadedRef.current = onUploaded;
  }, [onUploaded]);
  const [owner, setOwner] = useState<string | undefined>(undefined);
  useEffect(() => {
    const [id, unregister] = uploadStore.register((file) => onUploadedRef.current?.(file));
    setOwner(id);
    return unregister;
  }, []);

  const add = useCallback(
    (files: File[], purpose?: UploadPurpose, settings?: UploadSettings) =>
      uploadStore.add(files, owner, purpose, settings),
    [owner],
  );
  return { items, add, cancel: uploadStore.cancel, dispatch: uploadStore.dispatch };
}
