import { createEffect, createSignal, on, Show } from "solid-js";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { FormAlert } from "../../components/FormAlert";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { updateContact, upsertContact } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import type { Contact, ContactStatus } from "../../lib/types";

export const STATUS_OPTIONS: { value: ContactStatus; label: string }[] = [
	{ value: "subscribed", label: "Subscribed" },
	{ value: "unsubscribed", label: "Unsubscribed" },
	{ value: "bounced", label: "Bounced" },
	{ value: "complained", label: "Complained" },
];

/** "vip, beta ,, news" → ["vip", "beta", "news"] */
export const parseTags = (text: string) => [
	...new Set(
		text
			.split(",")
			.map((t) => t.trim())
			.filter(Boolean),
	),
];

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

const FIELDS = ["email", "first_name", "last_name", "tags", "status", "timezone", "locale"];

/**
 * Adds a contact (`POST /contacts`, an upsert by email) or edits one (`PATCH /contacts/:id`)
 * when `contact` is given. The API's errors appear next to their fields.
 */
export function ContactDialog(props: {
	open: boolean;
	contact?: Contact;
	onClose: () => void;
	onSaved: (contact: Contact, created: boolean) => void;
}) {
	const [email, setEmail] = createSignal("");
	const [firstName, setFirstName] = createSignal("");
	const [lastName, setLastName] = createSignal("");
	const [tags, setTags] = createSignal("");
	const [status, setStatus] = createSignal<ContactStatus>("subscribed");
	const [timezone, setTimezone] = createSignal("");
	const [locale, setLocale] = createSignal("");
	const editing = () => props.contact !== undefined;

	createEffect(
		on(
			() => props.open,
			(open) => {
				if (!open) return;
				const c = props.contact;
				setEmail(c?.email ?? "");
				setFirstName(c?.first_name ?? "");
				setLastName(c?.last_name ?? "");
				setTags(c?.tags.join(", ") ?? "");
				setStatus(c?.status ?? "subscribed");
				setTimezone(c?.timezone ?? "");
				setLocale(c?.locale ?? "");
			},
		),
	);

	const form = createSubmission(async () => {
		const common = {
			first_name: orNull(firstName()),
			last_name: orNull(lastName()),
			tags: parseTags(tags()),
			status: status(),
		};
		const existing = props.contact;
		if (existing) {
			const json = { ...common, timezone: orNull(timezone()), locale: orNull(locale()) };
			const saved = await updateContact(existing.id, json);
			props.onSaved(saved, false);
			return;
		}
		const { contact, created } = await upsertContact({ ...common, email: email().trim() });
		props.onSaved(contact, created);
	}, FIELDS);

	const close = () => {
		form.reset();
		props.onClose();
	};

	return (
		<Dialog
			open={props.open}
			title={editing() ? "Edit contact" : "Add contact"}
			description={
				editing()
					? undefined
					: "If the address is already in your list, the existing contact is updated and the tags are added."
			}
			onClose={close}
			busy={form.pending()}
		>
			<form class="stack" onSubmit={form.submit} noValidate>
				<FormAlert message={form.formError()} />
				<Show when={!editing()}>
					<TextField
						label="Email"
						name="email"
						type="email"
						autofocus
						required
						placeholder="ada@example.com"
						value={email()}
						onInput={(e) => setEmail(e.currentTarget.value)}
						error={form.field("email")}
					/>
				</Show>
				<div class="grid-2">
					<TextField
						label="First name"
						name="first_name"
						autofocus={editing()}
						value={firstName()}
						onInput={(e) => setFirstName(e.currentTarget.value)}
						error={form.field("first_name")}
					/>
					<TextField
						label="Last name"
						name="last_name"
						value={lastName()}
						onInput={(e) => setLastName(e.currentTarget.value)}
						error={form.field("last_name")}
					/>
				</div>
				<TextField
					label="Tags"
					name="tags"
					placeholder="vip, newsletter"
					hint={editing() ? "Separate tags with commas; these replace the current tags." : "Separate with commas."}
					value={tags()}
					onInput={(e) => setTags(e.currentTarget.value)}
					error={form.field("tags")}
				/>
				<SelectField
					label="Status"
					name="status"
					options={STATUS_OPTIONS}
					value={status()}
					onChange={(e) => setStatus(e.currentTarget.value as ContactStatus)}
					error={form.field("status")}
					hint="Unsubscribed, bounced and complained contacts never receive campaigns."
				/>
				<Show when={editing()}>
					<div class="grid-2">
						<TextField
							label="Timezone"
							name="timezone"
							placeholder="Europe/Berlin"
							value={timezone()}
							onInput={(e) => setTimezone(e.currentTarget.value)}
							error={form.field("timezone")}
						/>
						<TextField
							label="Locale"
							name="locale"
							placeholder="de-DE"
							value={locale()}
							onInput={(e) => setLocale(e.currentTarget.value)}
							error={form.field("locale")}
						/>
					</div>
				</Show>
				<div class="dialog-actions">
					<Button onClick={close} disabled={form.pending()}>
						Cancel
					</Button>
					<Button type="submit" variant="primary" loading={form.pending()}>
						{editing() ? "Save changes" : "Add contact"}
					</Button>
				</div>
			</form>
		</Dialog>
	);
}
