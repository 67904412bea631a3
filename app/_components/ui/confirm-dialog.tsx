"use client";

import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from "react-aria-components";
import { secondaryButton } from "./button-styles";

type Props = {
  /** the button that opens the dialog */
  trigger: React.ReactNode;
  triggerClassName?: string;
  title: string;
  body: React.ReactNode;
  /** the form (with its own submit button) that does the thing once confirmed */
  confirm: React.ReactNode;
};

/**
 * A confirmation dialog from React Aria: focus moves in and is trapped, Escape closes, and focus
 * returns to the trigger. The confirming control is a real form submit, so it works as any other.
 */
export function ConfirmDialog({ trigger, triggerClassName, title, body, confirm }: Props) {
  return (
    <DialogTrigger>
      <Button className={triggerClassName ?? secondaryButton}>{trigger}</Button>
      <ModalOverlay isDismissable className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
        <Modal className="w-full max-w-md rounded-lg bg-white p-5 shadow-xl">
          <Dialog className="outline-none">
            {({ close }) => (
              <>
                <Heading slot="title" className="text-lg font-semibold">
                  {title}
                </Heading>
                <div className="mt-2 text-sm text-slate-700">{body}</div>
                <div className="mt-5 flex flex-wrap justify-end gap-2">
                  <Button onPress={close} className={secondaryButton}>
                    Cancel
                  </Button>
                  {confirm}
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

