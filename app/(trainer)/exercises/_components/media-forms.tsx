"use client";

import { useActionState } from "react";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { removeExercisePhotoAction, removeExerciseVideoAction, saveExerciseVideoAction, uploadExercisePhotoAction } from "../actions";

/** Upload or replace the clinic's photo of an exercise, or remove it. */
export function PhotoForm({ exerciseId, hasPhoto }: { exerciseId: string; hasPhoto: boolean }) {
  const [state, action] = useActionState(uploadExercisePhotoAction, {});
  const [removed, remove] = useActionState(removeExercisePhotoAction, {});
  const e = state.fieldErrors;
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="exerciseId" value={exerciseId} />
        <Field
          label={hasPhoto ? "Replace the photo" : "Photo"}
          name="photo"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          description="JPEG, PNG or WebP, up to 5 MB. It is resized for phones and its metadata (such as location) removed."
          errors={e?.photo}
          required
        />
        <div>
          <SubmitButton pendingLabel="Uploading…">{hasPhoto ? "Replace photo" : "Upload photo"}</SubmitButton>
        </div>
        {state.ok === false && !e?.photo ? <FormMessage message={state.message} /> : null}
        {state.ok ? <FormMessage ok message="Photo saved." /> : null}
      </form>
      {hasPhoto ? (
        <form action={remove}>
          <input type="hidden" name="exerciseId" value={exerciseId} />
          <button type="submit" className={secondaryButton}>
            Remove photo
          </button>
          {removed.ok === false ? <FormMessage message={removed.message} /> : null}
        </form>
      ) : null}
    </div>
  );
}

/** Set the exercise's video link (YouTube or Vimeo), or remove it. */
export function VideoForm({ exerciseId, hasVideo }: { exerciseId: string; hasVideo: boolean }) {
  const [state, action] = useActionState(saveExerciseVideoAction, {});
  const [removed, remove] = useActionState(removeExerciseVideoAction, {});
  const e = state.fieldErrors;
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="exerciseId" value={exerciseId} />
        <Field
          label="Video link"
          name="videoLink"
          type="text"
          inputMode="url"
          placeholder="https://www.youtube.com/watch?v=…"
          description="A YouTube or Vimeo link. It plays in the privacy-enhanced player (no tracking cookies)."
          defaultValue={state.values?.videoLink ?? ""}
          errors={e?.videoLink}
          required
          maxLength={500}
        />
        <div>
          <SubmitButton>{hasVideo ? "Replace video" : "Save video link"}</SubmitButton>
        </div>
        {state.ok === false && !e?.videoLink ? <FormMessage message={state.message} /> : null}
        {state.ok ? <FormMessage ok message="Video link saved." /> : null}
      </form>
      {hasVideo ? (
        <form action={remove}>
          <input type="hidden" name="exerciseId" value={exerciseId} />
          <button type="submit" className={secondaryButton}>
            Remove video
          </button>
          {removed.ok === false ? <FormMessage message={removed.message} /> : null}
        </form>
      ) : null}
    </div>
  );
}
