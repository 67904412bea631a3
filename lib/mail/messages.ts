/**
 * The words of every email the app sends: plain functions from what the message is about to its
 * subject and text. Links arrive whole (built from APP_URL by the caller); nothing here reads the
 * environment or the request.
 */
export type ComposedMail = { subject: string; text: string };

const signature = "\n\n— Stride Clinic\nIf you did not expect this email, you can ignore it.";

export function inviteMail(input: { role: "trainer" | "athlete"; clinicName: string; link: string; days: number }): ComposedMail {
  const what =
    input.role === "trainer"
      ? `Open this link to join ${input.clinicName} as a trainer and choose your password`
      : `Open this link on your phone to choose a password for Stride Clinic, where ${input.clinicName} keeps your program`;
  return {
    subject: `${input.clinicName} invites you to Stride Clinic`,
    text: `${what} (it works once, for ${input.days} days):\n\n${input.link}${signature}`,
  };
}

export function passwordResetMail(input: { link: string; minutes: number; sentByTrainer: string | null }): ComposedMail {
  const why = input.sentByTrainer
    ? `${input.sentByTrainer} sent you a link to choose a new password for Stride Clinic.`
    : "Someone (we hope you) asked to reset the password of your Stride Clinic account.";
  return {
    subject: "Choose a new Stride Clinic password",
    text: `${why}\n\nOpen this link to choose a new password (it works once, for ${input.minutes} minutes):\n\n${input.link}\n\nYour current password keeps working until you choose a new one.${signature}`,
  };
}

/** Said after a password change or reset, so a person whose account was taken over finds out. */
export function passwordChangedMail(input: { when: "changed" | "reset" }): ComposedMail {
  return {
    subject: "Your Stride Clinic password was changed",
    text: `The password of your Stride Clinic account was ${input.when === "reset" ? "reset with an emailed link" : "changed"}, and every other session was signed out.\n\nIf this was not you, ask your clinic to send you a reset link at once.${signature}`,
  };
}

/** Sign-up: the link that creates the clinic once opened (lib/data/sign-ups.ts). */
export function signUpConfirmMail(input: { clinicName: string; link: string; hours: number }): ComposedMail {
  return {
    subject: "Confirm your email to create your Stride Clinic",
    text: `Open this link to confirm your email address and create ${input.clinicName} on Stride Clinic (it works once, for ${input.hours} hours):\n\n${input.link}\n\nYou will be asked for the password you chose.${signature}`,
  };
}

/**
 * Sign-up with an email that already has an account: the web page answered exactly as for a new
 * email; only the owner of the mailbox learns the account exists, and how to get back in.
 */
export function signUpExistingMail(input: { resetLink: string; signInLink: string }): ComposedMail {
  return {
    subject: "Confirm your email to create your Stride Clinic",
    text: `Someone (we hope you) tried to create a new clinic on Stride Clinic with this email address, but it already has an account, so no new clinic was created.\n\nSign in here:\n\n${input.signInLink}\n\nForgot your password? Choose a new one here:\n\n${input.resetLink}${signature}`,
  };
}

/**
 * A trainer invitation to an address that already has an account: the inviter was answered as
 * for any address; the person learns why they cannot join, and the inviter learns nothing.
 */
export function inviteExistingMail(input: { role: "trainer" | "athlete"; clinicName: string; signInLink: string; resetLink: string }): ComposedMail {
  const as = input.role === "trainer" ? "as a trainer" : "as an athlete";
  return {
    subject: `${input.clinicName} invites you to Stride Clinic`,
    text: `${input.clinicName} invited you to join them ${as} on Stride Clinic, but this email address already has a Stride Clinic account, and an address can belong to one account only. If you want to join ${input.clinicName}, ask them to invite another address of yours.\n\nSign in to your account here:\n\n${input.signInLink}\n\nForgot your password? Choose a new one here:\n\n${input.resetLink}${signature}`,
  };
}
