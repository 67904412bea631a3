import { z } from "zod";
import { nameText } from "./fields";

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }))
  .transform((e) => e.toLowerCase());

export const newPasswordField = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters for your password.")
  .max(128, "Use at most 128 characters for your password.");

export const timeZoneField = z
  .string()
  .trim()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Unknown time zone.");

export const signUpSchema = z.object({
  clinicName: nameText("your clinic's name").trim().min(2, "Enter your clinic's name (at least 2 characters).").max(120, "Keep the clinic name under 120 characters."),
  name: nameText("your name").trim().min(1, "Enter your name.").max(120, "Keep your name under 120 characters."),
  email: emailField,
  password: newPasswordField,
  timeZone: timeZoneField.catch("UTC"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailField,
  // no length rules on sign-in: the message for any failure is the same generic one
  password: z.string().min(1, "Enter your password.").max(1024),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const clinicSettingsSchema = z.object({
  name: nameText("the clinic's name").trim().min(2, "Enter the clinic's name (at least 2 characters).").max(120, "Keep the clinic name under 120 characters."),
  timeZone: timeZoneField,
});

export const trainerInviteSchema = z.object({
  name: nameText("the trainer's name").trim().min(1, "Enter the trainer's name.").max(120, "Keep the name under 120 characters."),
  email: emailField,
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z.object({
  token: z.string({ error: "This reset link is not valid." }).min(20, "This reset link is not valid.").max(200, "This reset link is not valid."),
  password: newPasswordField,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024),
    newPassword: newPasswordField,
  })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

export const staffMemberSchema = z.object({ userId: z.uuid({ error: "That trainer was not found." }) });

/** A 6-digit code from the authenticator app, or (where allowed) a recovery code like "k7m2q-9xr4t". */
export const secondFactorCodeField = z
  .string({ error: "Enter the code." })
  .trim()
  .min(6, "Enter the 6-digit code from your app, or a recovery code.")
  .max(32, "That is not a code from your app or a recovery code.");

export const secondFactorSchema = z.object({ code: secondFactorCodeField });

export const disableTwoFactorSchema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(128, "Enter your password."),
  code: secondFactorCodeField,
});

export const twoFactorRequiredSchema = z.object({
  required: z.enum(["true", "false"], { error: "Say whether two-factor sign-in is required." }).transform((v) => v === "true"),
});
