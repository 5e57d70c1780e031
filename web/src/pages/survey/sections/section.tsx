import type { ComponentChildren } from 'preact';

/** One part of the questionnaire: a landmark-free section with its heading (h2) and an introduction. */
export function Section(props: { id: string; title: string; intro?: string; children: ComponentChildren }) {
  return (
    <section class="survey-section" aria-labelledby={`${props.id}-title`} id={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro && <p class="survey-section__intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}
